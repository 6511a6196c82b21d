using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
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

        /// <summary>Escaped random text can outgrow the default 16 KB; size limits are not what these properties test.</summary>
        private static readonly FpReaderOptions Roomy = new FpReaderOptions { MaxPayloadBytes = 1 << 20 };

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
                Assert.Equal(FpStatus.Success, FpPayloadReader.ReadCreateCertificateAccepted(format, payload, 0, payload.Length, Roomy, true, result, error));
                Assert.Equal(id, result.CertificateId);
                Assert.Equal(pem, Text(result.CertificatePem));
                Assert.Equal(key, Text(result.PrivateKey));
                Assert.Equal(token, Text(result.CertificateOwnershipToken));
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
                Assert.Equal(FpStatus.Success, FpPayloadReader.ReadRegisterThingAccepted(format, payload, 0, payload.Length, Roomy, result, error));
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
                Assert.Equal(FpStatus.Success, FpPayloadReader.ReadErrorResponse(format, payload, 0, payload.Length, Roomy, result, error));
                Assert.Equal(status, result.StatusCode);
                Assert.Equal(code, result.ErrorCode);
                Assert.Equal(message, result.ErrorMessage);
            }, iter: Iterations, threads: 1);
        }

        /// <summary>
        /// Differential: on random documents, valid and damaged, the core's JSON reader accepts exactly what
        /// System.Text.Json accepts (same depth limit). The one deliberate difference: a \u escape
        /// naming a lone surrogate is refused by the core (it can never become valid text) while
        /// System.Text.Json's tokenizer lets it through, so those inputs are left out.
        /// </summary>
        [Fact]
        public void JsonGrammar_AgreesWithSystemTextJson()
        {
            CodecGen.JsonDocuments().Sample(payload =>
            {
                var core = new NanoFleet.Provisioning.Json.JsonReader(payload, 0, payload.Length, 64);
                while (core.Read())
                {
                }

                if (core.ErrorKind == FpReadErrorKind.InvalidUtf8)
                {
                    return;
                }

                bool platform;
                try
                {
                    using var document = System.Text.Json.JsonDocument.Parse(payload);
                    platform = true;
                }
                catch (System.Text.Json.JsonException)
                {
                    platform = false;
                }

                Assert.True(platform == (core.ErrorKind == FpReadErrorKind.None), $"platform {(platform ? "accepts" : "refuses")}, core says {core.ErrorKind} at {core.ErrorOffset}: {System.Text.Encoding.UTF8.GetString(payload)}");
            }, iter: 5000, threads: 1);
        }

        /// <summary>
        /// Differential: on head-shaped random bytes, the core's CBOR reader (Lax and Strict) accepts
        /// exactly the single well-formed items System.Formats.Cbor accepts in the same mode. The one
        /// deliberate difference: a simple value below 32 in the two-byte form (0xF8 0x00..0x1F) is
        /// not well-formed per RFC 8949 §3.3 and the core refuses it in every mode, while
        /// System.Formats.Cbor's Lax mode lets it through; Lax inputs holding one are left out. And
        /// the core's Strict mode does not check maps for repeated keys (that takes memory in
        /// proportion to the map; the payload reader refuses repeated fields itself), so maps that
        /// System.Formats.Cbor refuses for duplicate keys are left out too.
        /// </summary>
        [Theory]
        [InlineData(NanoFleet.Provisioning.Cbor.CborConformanceMode.Lax, System.Formats.Cbor.CborConformanceMode.Lax)]
        [InlineData(NanoFleet.Provisioning.Cbor.CborConformanceMode.Strict, System.Formats.Cbor.CborConformanceMode.Strict)]
        public void CborWellFormedness_AgreesWithSystemFormatsCbor(NanoFleet.Provisioning.Cbor.CborConformanceMode coreMode, System.Formats.Cbor.CborConformanceMode platformMode)
        {
            CodecGen.CborishBytes(12).Sample(payload =>
            {
                if (coreMode == NanoFleet.Provisioning.Cbor.CborConformanceMode.Lax && HasShortSimpleInTwoBytes(payload))
                {
                    return;
                }

                var core = new NanoFleet.Provisioning.Cbor.CborReader(payload, 0, payload.Length, coreMode, 64);
                bool coreAccepts = core.SkipValue() && core.ReadEndOfInput();

                bool platform;
                try
                {
                    var reader = new System.Formats.Cbor.CborReader(payload, platformMode);
                    reader.SkipValue();
                    platform = reader.BytesRemaining == 0;
                }
                catch (System.Formats.Cbor.CborContentException ex) when (ex.Message.Contains("duplicate keys", StringComparison.Ordinal))
                {
                    return;
                }
                catch (System.Formats.Cbor.CborContentException)
                {
                    platform = false;
                }
                catch (System.InvalidOperationException)
                {
                    platform = false;
                }

                Assert.True(platform == coreAccepts, $"platform {(platform ? "accepts" : "refuses")}, core says {core.ErrorKind} at {core.ErrorOffset}: {System.Convert.ToHexString(payload)}");
            }, iter: 5000, threads: 1);
        }

        private static bool HasShortSimpleInTwoBytes(byte[] payload)
        {
            for (int i = 0; i + 1 < payload.Length; i++)
            {
                if (payload[i] == 0xF8 && payload[i + 1] < 0x20)
                {
                    return true;
                }
            }

            return false;
        }

        private static byte[] Encode(FpFormat format, bool variant, List<KeyValuePair<string, object>> members) =>
            format == FpFormat.Json ? ReferenceEncoders.Json(members, escapeAll: variant) : ReferenceEncoders.Cbor(members, indefinite: variant);

        private static string? Text(byte[]? utf8) => utf8 == null ? null : Encoding.UTF8.GetString(utf8);
    }
}
