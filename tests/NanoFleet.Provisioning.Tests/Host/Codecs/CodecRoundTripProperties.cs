using System.Collections.Generic;
using System.Text;
using CsCheck;
using Xunit;

namespace NanoFleet.Provisioning.Tests.Codecs
{
    /// <summary>
    /// Round trips through the core's writers: what FpPayloadWriter writes, the core's own readers
    /// and the platform's (System.Text.Json, System.Formats.Cbor) read back identically.
    /// </summary>
    public class CodecRoundTripProperties
    {
        private const int Iterations = 400;

        [Theory]
        [InlineData(FpFormat.Json)]
        [InlineData(FpFormat.Cbor)]
        public void RegisterThingRequest_ReadsBackWithCoreAndPlatformReaders(FpFormat format)
        {
            Gen.Select(CodecGen.Text(1, 200), CodecGen.Map(10)).Sample((token, parameters) =>
            {
                byte[] buffer = new byte[32768];
                Assert.Equal(FpStatus.Success, FpPayloadWriter.WriteRegisterThingRequest(format, Encoding.UTF8.GetBytes(token), CodecGen.ToStringMap(parameters), buffer, 3, out int written));
                byte[] payload = buffer[3..(3 + written)];

                var expected = new Dictionary<string, string> { [FpPayloadKeys.CertificateOwnershipToken] = token };
                foreach (var pair in parameters)
                {
                    expected[FpPayloadKeys.Parameters + "/" + pair.Key] = pair.Value;
                }

                Assert.Equal(expected, CoreRequestReader.Read(format, payload));
                Assert.Equal(expected, PlatformRequestReader.Read(format, payload));
            }, iter: Iterations, threads: 1);
        }

        [Theory]
        [InlineData(FpFormat.Json)]
        [InlineData(FpFormat.Cbor)]
        public void CsrRequest_ReadsBackWithCoreAndPlatformReaders(FpFormat format)
        {
            CodecGen.Text(1, 3000).Sample(csr =>
            {
                byte[] buffer = new byte[32768];
                Assert.Equal(FpStatus.Success, FpPayloadWriter.WriteCreateCertificateFromCsrRequest(format, Encoding.UTF8.GetBytes(csr), buffer, 0, out int written));
                byte[] payload = buffer[..written];
                var expected = new Dictionary<string, string> { [FpPayloadKeys.CertificateSigningRequest] = csr };
                Assert.Equal(expected, CoreRequestReader.Read(format, payload));
                Assert.Equal(expected, PlatformRequestReader.Read(format, payload));
            }, iter: Iterations, threads: 1);
        }

        /// <summary>The measuring pass and the writing pass agree, and a buffer one byte short is refused untouched.</summary>
        [Theory]
        [InlineData(FpFormat.Json)]
        [InlineData(FpFormat.Cbor)]
        public void RegisterThingRequest_NeededSizeIsExact(FpFormat format)
        {
            Gen.Select(CodecGen.Text(1, 60), CodecGen.Map(5)).Sample((token, parameters) =>
            {
                StringMap map = CodecGen.ToStringMap(parameters);
                Assert.Equal(FpStatus.BufferTooSmall, FpPayloadWriter.WriteRegisterThingRequest(format, Encoding.UTF8.GetBytes(token), map, new byte[0], 0, out int needed));
                byte[] exact = new byte[needed];
                Assert.Equal(FpStatus.Success, FpPayloadWriter.WriteRegisterThingRequest(format, Encoding.UTF8.GetBytes(token), map, exact, 0, out int written));
                Assert.Equal(needed, written);
                byte[] shortBuffer = new byte[needed - 1];
                System.Array.Fill(shortBuffer, (byte)0xA5);
                Assert.Equal(FpStatus.BufferTooSmall, FpPayloadWriter.WriteRegisterThingRequest(format, Encoding.UTF8.GetBytes(token), map, shortBuffer, 0, out _));
                Assert.All(shortBuffer, b => Assert.Equal(0xA5, b));
            }, iter: Iterations, threads: 1);
        }
    }
}
