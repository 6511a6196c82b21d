using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Xunit;
using NetCbor = System.Formats.Cbor;

namespace NanoFleet.Provisioning.Tests.Codecs
{
    /// <summary>
    /// The create response's values are located while the payload is read and decoded only once it
    /// has proved valid, longest first, through one scratch array of the longest value's size. These
    /// check that the deferred decoding gives the same strings (escapes, non-ASCII, surrogate pairs,
    /// indefinite-length CBOR chunks), that a refused payload makes no strings, and that the
    /// scratch no longer grows in steps.
    /// </summary>
    public class DeferredDecodeTests
    {
        private static readonly string CertificateId = new string('a', 64);

        // Shorter than the key, as in a real response: the old scratch grew twice (1024, then 2048 chars).
        private static readonly string Certificate = Pem("CERTIFICATE", 900) + "caf\u00e9 \U0001F600 \u2603 \"quoted\" back\\slash /\t\r\u0001";
        private static readonly string Key = Pem("RSA PRIVATE KEY", 1600) + "\u00fc\U0001F511";
        private static readonly string Token = new string('T', 1000) + "+/=";

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Json_DecodesEscapesAndNonAsciiLikeSystemTextJson(bool escapeAll)
        {
            byte[] json = Json(escapeAll, ("certificateId", CertificateId), ("certificatePem", Certificate), ("privateKey", Key), ("certificateOwnershipToken", Token));
            AssertDecodes(FpFormat.Json, json);
        }

        [Fact]
        public void Cbor_DecodesDefiniteAndIndefiniteTextStrings()
        {
            var writer = new NetCbor.CborWriter(NetCbor.CborConformanceMode.Lax);
            writer.WriteStartMap(4);
            writer.WriteTextString("certificateId");
            writer.WriteTextString(CertificateId);
            writer.WriteTextString("certificatePem");
            WriteChunked(writer, Certificate, 7);
            writer.WriteTextString("privateKey");
            WriteChunked(writer, Key, 500);
            writer.WriteTextString("certificateOwnershipToken");
            writer.WriteTextString(Token);
            writer.WriteEndMap();
            AssertDecodes(FpFormat.Cbor, writer.Encode());
        }

        [Fact]
        public void Cbor_EmptyIndefiniteValueIsMissing()
        {
            var writer = new NetCbor.CborWriter(NetCbor.CborConformanceMode.Lax);
            writer.WriteStartMap(4);
            writer.WriteTextString("certificateId");
            writer.WriteTextString(CertificateId);
            writer.WriteTextString("certificatePem");
            writer.WriteStartIndefiniteLengthTextString();
            writer.WriteTextString("");
            writer.WriteEndIndefiniteLengthTextString();
            writer.WriteTextString("privateKey");
            writer.WriteTextString(Key);
            writer.WriteTextString("certificateOwnershipToken");
            writer.WriteTextString(Token);
            writer.WriteEndMap();
            byte[] cbor = writer.Encode();
            var error = new FpReadError();
            var result = new CreateCertificateAccepted();
            Assert.Equal(FpStatus.BadParameter, FpPayloadReader.ReadCreateCertificateAccepted(FpFormat.Cbor, cbor, 0, cbor.Length, FpReaderOptions.Default, true, result, error));
            Assert.Equal(FpReadErrorKind.MissingField, error.Kind);
            Assert.Equal("certificatePem", error.Field);
            Assert.Empty(result.CertificatePem);
        }

        [Theory]
        [InlineData(FpFormat.Json)]
        [InlineData(FpFormat.Cbor)]
        public void RefusedPayload_MakesNoStrings(FpFormat format)
        {
            byte[] valid = Encode(format, ("certificateId", CertificateId), ("certificatePem", Certificate), ("privateKey", Key), ("certificateOwnershipToken", Token));
            var withTrailer = new byte[valid.Length + 1];
            Buffer.BlockCopy(valid, 0, withTrailer, 0, valid.Length);
            withTrailer[valid.Length] = format == FpFormat.Json ? (byte)'x' : (byte)0x00;
            byte[] withoutToken = Encode(format, ("certificateId", CertificateId), ("certificatePem", Certificate), ("privateKey", Key));
            var error = new FpReadError();
            var result = new CreateCertificateAccepted();
            FpPayloadReader.ReadCreateCertificateAccepted(format, valid, 0, valid.Length, FpReaderOptions.Default, true, result, error); // warm up

            foreach (byte[] refused in new[] { withTrailer, withoutToken })
            {
                // Warm the refusal path too: its first run may JIT or initialise the error text once, which is not per payload.
                FpPayloadReader.ReadCreateCertificateAccepted(format, refused, 0, refused.Length, FpReaderOptions.Default, true, result, error);
                long before = GC.GetAllocatedBytesForCurrentThread();
                FpStatus status = FpPayloadReader.ReadCreateCertificateAccepted(format, refused, 0, refused.Length, FpReaderOptions.Default, true, result, error);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.Equal(FpStatus.BadParameter, status);
                // Only the reader's own objects: the values alone would be over 7 KB as strings.
                Assert.True(allocated < 1024, $"{format}: a refused payload allocated {allocated} bytes");
            }
        }

        [Theory]
        [InlineData(FpFormat.Json)]
        [InlineData(FpFormat.Cbor)]
        public void ScratchIsSizedOnceForTheLongestValue(FpFormat format)
        {
            byte[] payload = Encode(format, ("certificateId", CertificateId), ("certificatePem", Certificate), ("privateKey", Key), ("certificateOwnershipToken", Token));
            var error = new FpReadError();
            var result = new CreateCertificateAccepted();
            FpPayloadReader.ReadCreateCertificateAccepted(format, payload, 0, payload.Length, FpReaderOptions.Default, true, result, error); // warm up

            // Let the weakly held scratch go, so this read has to make it (another test may make it
            // again meanwhile; that only lowers the figure).
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long before = GC.GetAllocatedBytesForCurrentThread();
            FpStatus status = FpPayloadReader.ReadCreateCertificateAccepted(format, payload, 0, payload.Length, FpReaderOptions.Default, true, result, error);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(FpStatus.Success, status);
            Assert.Equal(Key, Text(result.PrivateKey));

            long strings = 2L * (CertificateId.Length + Certificate.Length + Key.Length + Token.Length);
            long scratch = 2L * Key.Length;
            // Strings + one exact scratch + headers and the reader's objects. The power-of-two scratch
            // of before (1024 then 2048 chars: 6 KB) does not fit this.
            Assert.True(allocated <= strings + scratch + 1024, $"{format}: {allocated} bytes for {strings} bytes of strings and a {scratch}-byte scratch");
        }

        private static void AssertDecodes(FpFormat format, byte[] payload)
        {
            var error = new FpReadError();
            var result = new CreateCertificateAccepted();
            Assert.Equal(FpStatus.Success, FpPayloadReader.ReadCreateCertificateAccepted(format, payload, 0, payload.Length, FpReaderOptions.Default, true, result, error));
            Assert.Equal(CertificateId, result.CertificateId);
            Assert.Equal(Certificate, Text(result.CertificatePem));
            Assert.Equal(Key, Text(result.PrivateKey));
            Assert.Equal(Token, Text(result.CertificateOwnershipToken));
        }

        private static void WriteChunked(NetCbor.CborWriter writer, string text, int chunkChars)
        {
            writer.WriteStartIndefiniteLengthTextString();
            for (int at = 0; at < text.Length;)
            {
                int n = Math.Min(chunkChars, text.Length - at);
                if (char.IsHighSurrogate(text[at + n - 1]) && at + n < text.Length)
                {
                    n++; // keep a surrogate pair in one chunk: each chunk is valid UTF-8 on its own
                }

                writer.WriteTextString(text.Substring(at, n));
                at += n;
            }

            writer.WriteEndIndefiniteLengthTextString();
        }

        private static byte[] Encode(FpFormat format, params (string Key, string Value)[] members)
        {
            if (format == FpFormat.Json)
            {
                return Json(false, members);
            }

            var writer = new NetCbor.CborWriter(NetCbor.CborConformanceMode.Strict);
            writer.WriteStartMap(members.Length);
            foreach (var (key, value) in members)
            {
                writer.WriteTextString(key);
                writer.WriteTextString(value);
            }

            writer.WriteEndMap();
            return writer.Encode();
        }

        private static byte[] Json(bool escapeAll, params (string Key, string Value)[] members)
        {
            var options = new JsonWriterOptions { Encoder = escapeAll ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, options))
            {
                writer.WriteStartObject();
                foreach (var (key, value) in members)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            return stream.ToArray();
        }

        private static string Pem(string label, int bodyChars)
        {
            var text = new StringBuilder("-----BEGIN " + label + "-----\n");
            for (int i = 0; i < bodyChars; i++)
            {
                text.Append((char)('A' + (i % 26)));
                if (i % 64 == 63)
                {
                    text.Append('\n');
                }
            }

            return text.Append("\n-----END " + label + "-----\n").ToString();
        }

        private static string? Text(byte[]? utf8) => utf8 == null ? null : Encoding.UTF8.GetString(utf8);
    }
}
