using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Xunit;

namespace NanoFleet.Provisioning.Tests.Codecs
{
    /// <summary>
    /// Responses written by System.Text.Json (with all non-ASCII escaped, and raw UTF-8) and by
    /// System.Formats.Cbor (definite, and indefinite maps with chunked text) read correctly with
    /// FpPayloadReader, unknown members included.
    /// </summary>
    public class CodecCrossCheckProperties
    {
        private const int Iterations = 300;

        public static IEnumerable<object[]> Encodings => new[]
        {
            new object[] { FpFormat.Json, false }, new object[] { FpFormat.Json, true },
            new object[] { FpFormat.Cbor, false }, new object[] { FpFormat.Cbor, true },
        };

        [Theory]
        [MemberData(nameof(Encodings))]
        public void CreateKeysAccepted_FromPlatformEncoder(FpFormat format, bool variant)
        {
            Gen.Select(CodecGen.Text(1, 64), CodecGen.Text(1, 2000), CodecGen.Text(1, 2000), CodecGen.Text(1, 600), CodecGen.Map(3)).Sample((id, pem, key, token, extra) =>
            {
                var members = new List<KeyValuePair<string, object>>
                {
                    new(FpPayloadKeys.CertificateId, id),
                    new("unknownMap", extra),
                    new(FpPayloadKeys.CertificatePem, pem),
                    new(FpPayloadKeys.PrivateKey, key),
                    new("unknownNumber", 7),
                    new(FpPayloadKeys.CertificateOwnershipToken, token),
                };
                byte[] payload = Encode(format, variant, members);
                var result = new CreateCertificateAccepted();
                var error = new FpReadError();
                Assert.Equal(FpStatus.Success, FpPayloadReader.ReadCreateCertificateAccepted(format, payload, 0, payload.Length, FpReaderOptions.Default, true, result, error));
                Assert.Equal(id, result.CertificateId);
                Assert.Equal(pem, result.CertificatePem);
                Assert.Equal(key, result.PrivateKey);
                Assert.Equal(token, result.CertificateOwnershipToken);
            }, iter: Iterations, threads: 1);
        }

        [Theory]
        [MemberData(nameof(Encodings))]
        public void RegisterThingAccepted_FromPlatformEncoder(FpFormat format, bool variant)
        {
            Gen.Select(CodecGen.Text(1, 128), CodecGen.Map(20)).Sample((thingName, configuration) =>
            {
                var members = new List<KeyValuePair<string, object>>
                {
                    new(FpPayloadKeys.DeviceConfiguration, configuration),
                    new(FpPayloadKeys.ThingName, thingName),
                };
                byte[] payload = Encode(format, variant, members);
                var result = new RegisterThingAccepted();
                var error = new FpReadError();
                Assert.Equal(FpStatus.Success, FpPayloadReader.ReadRegisterThingAccepted(format, payload, 0, payload.Length, FpReaderOptions.Default, result, error));
                Assert.Equal(thingName, result.ThingName);
                var read = Enumerable.Range(0, result.DeviceConfiguration.Count)
                    .Select(i => new KeyValuePair<string, string>(result.DeviceConfiguration.KeyAt(i), result.DeviceConfiguration.ValueAt(i)));
                Assert.Equal(configuration, read);
            }, iter: Iterations, threads: 1);
        }

        [Theory]
        [MemberData(nameof(Encodings))]
        public void ErrorResponse_FromPlatformEncoder(FpFormat format, bool variant)
        {
            Gen.Select(Gen.Int, CodecGen.Text(1, 40), CodecGen.Text(0, 200)).Sample((status, code, message) =>
            {
                var members = new List<KeyValuePair<string, object>>
                {
                    new(FpPayloadKeys.ErrorMessage, message),
                    new(FpPayloadKeys.StatusCode, status),
                    new(FpPayloadKeys.ErrorCode, code),
                };
                byte[] payload = Encode(format, variant, members);
                var result = new ErrorResponse();
                var error = new FpReadError();
                Assert.Equal(FpStatus.Success, FpPayloadReader.ReadErrorResponse(format, payload, 0, payload.Length, FpReaderOptions.Default, result, error));
                Assert.Equal(status, result.StatusCode);
                Assert.Equal(code, result.ErrorCode);
                Assert.Equal(message, result.ErrorMessage);
            }, iter: Iterations, threads: 1);
        }

        private static byte[] Encode(FpFormat format, bool variant, List<KeyValuePair<string, object>> members) =>
            format == FpFormat.Json ? ReferenceEncoders.Json(members, escapeAll: variant) : ReferenceEncoders.Cbor(members, indefinite: variant);
    }
}
