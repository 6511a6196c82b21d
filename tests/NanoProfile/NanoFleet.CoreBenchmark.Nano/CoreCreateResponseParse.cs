using System;
using NanoFleet.Provisioning;

namespace NanoFleet.CoreBenchmark
{
    /// <summary>The core's reader on a CreateKeysAndCertificate accepted response, as the machine reads it.</summary>
    internal sealed class CoreCreateResponseParse : IBenchOperation
    {
        private readonly FpFormat _format;
        private readonly byte[] _payload;
        private readonly FpReadError _error = new FpReadError();

        public CoreCreateResponseParse(FpFormat format, byte[] payload)
        {
            _format = format;
            _payload = payload;
        }

        /// <summary>What the last run kept: the id as a string, the certificate, key and token as UTF-8.</summary>
        public CreateCertificateAccepted Result { get; } = new CreateCertificateAccepted();

        public void Run()
        {
            FpStatus status = FpPayloadReader.ReadCreateCertificateAccepted(_format, _payload, 0, _payload.Length, FpReaderOptions.Default, true, Result, _error);
            if (status != FpStatus.Success)
            {
                throw new InvalidOperationException("Failed to parse the create response with the core: " + _error.ToString());
            }
        }
    }
}
