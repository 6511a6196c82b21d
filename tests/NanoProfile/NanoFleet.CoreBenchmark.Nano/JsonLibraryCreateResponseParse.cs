using System.IO;
using System.Text;
using nanoFramework.Json;
using NanoFleet.Provisioning;

namespace NanoFleet.CoreBenchmark
{
    /// <summary>
    /// nanoFramework.Json 2.2.203 on the same response, ending with what the core keeps: the id as
    /// a string, the certificate, key and token as UTF-8 byte arrays (the device hands them on as
    /// bytes). The payload goes in as a stream over the MQTT bytes, Json's cheapest way in from
    /// bytes (a string would first cost a UTF-8 decode, which Json then encodes back).
    /// </summary>
    internal sealed class JsonLibraryCreateResponseParse : IBenchOperation
    {
        private readonly byte[] _payload;

        public JsonLibraryCreateResponseParse(byte[] payload)
        {
            _payload = payload;
        }

        /// <summary>What the last run kept.</summary>
        public CreateCertificateAccepted Result { get; } = new CreateCertificateAccepted();

        public void Run()
        {
            var response = (CreateKeysResponse)JsonConvert.DeserializeObject(new MemoryStream(_payload), typeof(CreateKeysResponse));
            Result.CertificateId = response.certificateId;
            Result.CertificatePem = Encoding.UTF8.GetBytes(response.certificatePem);
            Result.PrivateKey = Encoding.UTF8.GetBytes(response.privateKey);
            Result.CertificateOwnershipToken = Encoding.UTF8.GetBytes(response.certificateOwnershipToken);
        }
    }
}
