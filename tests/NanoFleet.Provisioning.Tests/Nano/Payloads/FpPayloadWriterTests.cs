using nanoFramework.TestFramework;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>FpPayloadWriter: exact bytes in JSON and CBOR, bad parameters, and too-small buffers left untouched.</summary>
    [TestClass]
    public class FpPayloadWriterTests
    {
        private const string CsrText = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";
        private static readonly byte[] Csr = TestBytes.Utf8Of(CsrText);

        [TestMethod]
        public void WriteCreateKeysAndCertificateRequest_JsonHappyPath()
        {
            var buffer = new GuardedBuffer(16);
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadWriter.WriteCreateKeysAndCertificateRequest(FpFormat.Json, buffer.Bytes, GuardedBuffer.Offset, out int written));
            Assert.AreEqual("{}", buffer.Ascii(written));
            Assert.IsTrue(buffer.GuardsIntact(written));
        }

        [TestMethod]
        public void WriteCreateKeysAndCertificateRequest_CborHappyPath()
        {
            var buffer = new GuardedBuffer(16);
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadWriter.WriteCreateKeysAndCertificateRequest(FpFormat.Cbor, buffer.Bytes, GuardedBuffer.Offset, out int written));
            CollectionAssert.AreEqual(TestBytes.Hex("a0"), buffer.Output(written));
            Assert.IsTrue(buffer.GuardsIntact(written));
        }

        [TestMethod]
        public void WriteCreateKeysAndCertificateRequest_BadParams()
        {
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadWriter.WriteCreateKeysAndCertificateRequest((FpFormat)2, new byte[8], 0, out int written));
            Assert.AreEqual(0, written);
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadWriter.WriteCreateKeysAndCertificateRequest(FpFormat.Json, null!, 0, out written));
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadWriter.WriteCreateKeysAndCertificateRequest(FpFormat.Json, new byte[8], -1, out written));
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadWriter.WriteCreateKeysAndCertificateRequest(FpFormat.Cbor, new byte[8], 9, out written));
        }

        [TestMethod]
        public void WriteCreateKeysAndCertificateRequest_BufferTooSmall()
        {
            var json = new GuardedBuffer(1);
            Assert.AreEqual((int)FpStatus.BufferTooSmall, (int)FpPayloadWriter.WriteCreateKeysAndCertificateRequest(FpFormat.Json, json.Bytes, GuardedBuffer.Offset, out int written));
            Assert.AreEqual(2, written);
            Assert.IsTrue(json.GuardsIntact(0));
            var cbor = new GuardedBuffer(0);
            Assert.AreEqual((int)FpStatus.BufferTooSmall, (int)FpPayloadWriter.WriteCreateKeysAndCertificateRequest(FpFormat.Cbor, cbor.Bytes, GuardedBuffer.Offset, out written));
            Assert.AreEqual(1, written);
            Assert.IsTrue(cbor.GuardsIntact(0));
        }

        [TestMethod]
        public void WriteCreateCertificateFromCsrRequest_JsonHappyPath()
        {
            var buffer = new GuardedBuffer(256);
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadWriter.WriteCreateCertificateFromCsrRequest(FpFormat.Json, Csr, buffer.Bytes, GuardedBuffer.Offset, out int written));
            Assert.AreEqual("{\"certificateSigningRequest\":\"-----BEGIN CERTIFICATE REQUEST-----\\nMIIB\\n-----END CERTIFICATE REQUEST-----\\n\"}", buffer.Ascii(written));
            Assert.IsTrue(buffer.GuardsIntact(written));
        }

        [TestMethod]
        public void WriteCreateCertificateFromCsrRequest_CborHappyPath()
        {
            var buffer = new GuardedBuffer(256);
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadWriter.WriteCreateCertificateFromCsrRequest(FpFormat.Cbor, Csr, buffer.Bytes, GuardedBuffer.Offset, out int written));
            byte[] expected = TestBytes.Concat(TestBytes.Hex("a1 78 19"), TestBytes.Utf8Of("certificateSigningRequest"), TestBytes.Hex("78 4b"), TestBytes.Utf8Of(CsrText));
            CollectionAssert.AreEqual(expected, buffer.Output(written));
            Assert.IsTrue(buffer.GuardsIntact(written));
        }

        [TestMethod]
        public void WriteCreateCertificateFromCsrRequest_BadParams()
        {
            var buffer = new GuardedBuffer(256);
            // null, empty, a truncated sequence, and a UTF-16 surrogate smuggled in as UTF-8 (CESU)
            byte[][] bad = { null!, new byte[0], TestBytes.Hex("61 c3"), TestBytes.Hex("ed a0 80") };
            for (int f = 0; f < 2; f++)
            {
                for (int i = 0; i < bad.Length; i++)
                {
                    Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadWriter.WriteCreateCertificateFromCsrRequest((FpFormat)f, bad[i], buffer.Bytes, GuardedBuffer.Offset, out int written), "csr #" + i);
                    Assert.AreEqual(0, written);
                    Assert.IsTrue(buffer.GuardsIntact(0));
                }
            }

            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadWriter.WriteCreateCertificateFromCsrRequest(FpFormat.Json, Csr, null!, 0, out int _));
            Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadWriter.WriteCreateCertificateFromCsrRequest((FpFormat)(-1), Csr, buffer.Bytes, 0, out int _));
        }

        [TestMethod]
        public void WriteCreateCertificateFromCsrRequest_BufferTooSmall()
        {
            for (int f = 0; f < 2; f++)
            {
                var big = new GuardedBuffer(256);
                FpPayloadWriter.WriteCreateCertificateFromCsrRequest((FpFormat)f, Csr, big.Bytes, GuardedBuffer.Offset, out int needed);
                var small = new GuardedBuffer(needed - 1);
                Assert.AreEqual((int)FpStatus.BufferTooSmall, (int)FpPayloadWriter.WriteCreateCertificateFromCsrRequest((FpFormat)f, Csr, small.Bytes, GuardedBuffer.Offset, out int written));
                Assert.AreEqual(needed, written);
                Assert.IsTrue(small.GuardsIntact(0));
                var exact = new GuardedBuffer(needed);
                Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadWriter.WriteCreateCertificateFromCsrRequest((FpFormat)f, Csr, exact.Bytes, GuardedBuffer.Offset, out written));
                CollectionAssert.AreEqual(big.Output(needed), exact.Output(written));
            }
        }

        [TestMethod]
        public void WriteRegisterThingRequest_JsonHappyPath()
        {
            var buffer = new GuardedBuffer(256);
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadWriter.WriteRegisterThingRequest(FpFormat.Json, TestBytes.Utf8Of("tok"), Parameters(), buffer.Bytes, GuardedBuffer.Offset, out int written));
            Assert.AreEqual("{\"certificateOwnershipToken\":\"tok\",\"parameters\":{\"SerialNumber\":\"1\",\"DeviceLocation\":\"Seattle\"}}", buffer.Ascii(written));
            Assert.IsTrue(buffer.GuardsIntact(written));
        }

        [TestMethod]
        public void WriteRegisterThingRequest_CborHappyPath()
        {
            var buffer = new GuardedBuffer(256);
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadWriter.WriteRegisterThingRequest(FpFormat.Cbor, TestBytes.Utf8Of("tok"), Parameters(), buffer.Bytes, GuardedBuffer.Offset, out int written));
            byte[] expected = TestBytes.Concat(
                TestBytes.Hex("a2 78 19"), TestBytes.Utf8Of("certificateOwnershipToken"), TestBytes.Hex("63"), TestBytes.Utf8Of("tok"),
                TestBytes.Hex("6a"), TestBytes.Utf8Of("parameters"), TestBytes.Hex("a2"),
                TestBytes.Hex("6c"), TestBytes.Utf8Of("SerialNumber"), TestBytes.Hex("61"), TestBytes.Utf8Of("1"),
                TestBytes.Hex("6e"), TestBytes.Utf8Of("DeviceLocation"), TestBytes.Hex("67"), TestBytes.Utf8Of("Seattle"));
            CollectionAssert.AreEqual(expected, buffer.Output(written));
            Assert.IsTrue(buffer.GuardsIntact(written));
        }

        [TestMethod]
        public void WriteRegisterThingRequest_WithoutParametersHappyPath()
        {
            var buffer = new GuardedBuffer(64);
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadWriter.WriteRegisterThingRequest(FpFormat.Json, TestBytes.Utf8Of("t"), null, buffer.Bytes, GuardedBuffer.Offset, out int written));
            Assert.AreEqual("{\"certificateOwnershipToken\":\"t\"}", buffer.Ascii(written));
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadWriter.WriteRegisterThingRequest(FpFormat.Json, TestBytes.Utf8Of("t"), new StringMap(), buffer.Bytes, GuardedBuffer.Offset, out written));
            Assert.AreEqual("{\"certificateOwnershipToken\":\"t\"}", buffer.Ascii(written));
            var cbor = new GuardedBuffer(64);
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadWriter.WriteRegisterThingRequest(FpFormat.Cbor, TestBytes.Utf8Of("t"), null, cbor.Bytes, GuardedBuffer.Offset, out written));
            CollectionAssert.AreEqual(TestBytes.Concat(TestBytes.Hex("a1 78 19"), TestBytes.Utf8Of("certificateOwnershipToken"), TestBytes.Hex("61 74")), cbor.Output(written));
        }

        [TestMethod]
        public void WriteRegisterThingRequest_EscapesAndUnicodeHappyPath()
        {
            var parameters = new StringMap();
            parameters.Set("q\"b\\", "tab\tnl\nctl\u0001\u001f\u00e9\u6c34\ud83d\ude00/");
            var buffer = new GuardedBuffer(256);
            // The token is written from UTF-8 bytes, the parameters from strings: both escape alike.
            byte[] token = TestBytes.Utf8Of("t\"\\\n\u0001\u00e9\ud83d\ude00");
            Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadWriter.WriteRegisterThingRequest(FpFormat.Json, token, parameters, buffer.Bytes, GuardedBuffer.Offset, out int written));
            byte[] expected = TestBytes.Concat(
                TestBytes.Utf8Of("{\"certificateOwnershipToken\":\"t\\\"\\\\\\n\\u0001"), TestBytes.Hex("c3 a9 f0 9f 98 80"),
                TestBytes.Utf8Of("\",\"parameters\":{\"q\\\"b\\\\\":\"tab\\tnl\\nctl\\u0001\\u001f"),
                TestBytes.Hex("c3 a9 e6 b0 b4 f0 9f 98 80"), TestBytes.Utf8Of("/\"}}"));
            CollectionAssert.AreEqual(expected, buffer.Output(written));

            // And it reads back to the same strings through the core's own JSON reader.
            var reader = new NanoFleet.Provisioning.Json.JsonReader(buffer.Bytes, GuardedBuffer.Offset, written, 4);
            while (reader.Read() && reader.CurrentDepth < 2)
            {
            }

            Assert.AreEqual((int)NanoFleet.Provisioning.Json.JsonTokenType.StartObject, (int)reader.TokenType);
            Assert.IsTrue(reader.Read());
            Assert.IsTrue(reader.TryGetString(out string key));
            Assert.AreEqual("q\"b\\", key);
            Assert.IsTrue(reader.Read());
            Assert.IsTrue(reader.TryGetString(out string value));
            Assert.AreEqual(parameters.ValueAt(0), value);
        }

        [TestMethod]
        public void WriteRegisterThingRequest_BadParams()
        {
            var buffer = new GuardedBuffer(256);
            var withNull = new StringMap();
            withNull.Set("k", null!);
            for (int f = 0; f < 2; f++)
            {
                FpFormat format = (FpFormat)f;
                Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadWriter.WriteRegisterThingRequest(format, null!, Parameters(), buffer.Bytes, GuardedBuffer.Offset, out int written));
                Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadWriter.WriteRegisterThingRequest(format, new byte[0], Parameters(), buffer.Bytes, GuardedBuffer.Offset, out written));
                Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadWriter.WriteRegisterThingRequest(format, TestBytes.Hex("74 ff"), Parameters(), buffer.Bytes, GuardedBuffer.Offset, out written));
                Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadWriter.WriteRegisterThingRequest(format, TestBytes.Utf8Of("t"), withNull, buffer.Bytes, GuardedBuffer.Offset, out written));
                Assert.AreEqual((int)FpStatus.BadParameter, (int)FpPayloadWriter.WriteRegisterThingRequest(format, TestBytes.Utf8Of("t"), Parameters(), buffer.Bytes, buffer.Bytes.Length + 1, out written));
                Assert.AreEqual(0, written);
                Assert.IsTrue(buffer.GuardsIntact(0));
            }
        }

        [TestMethod]
        public void WriteRegisterThingRequest_BufferTooSmall()
        {
            for (int f = 0; f < 2; f++)
            {
                var big = new GuardedBuffer(256);
                FpPayloadWriter.WriteRegisterThingRequest((FpFormat)f, TestBytes.Utf8Of("tok"), Parameters(), big.Bytes, GuardedBuffer.Offset, out int needed);
                for (int room = 0; room < needed; room++)
                {
                    var small = new GuardedBuffer(room);
                    Assert.AreEqual((int)FpStatus.BufferTooSmall, (int)FpPayloadWriter.WriteRegisterThingRequest((FpFormat)f, TestBytes.Utf8Of("tok"), Parameters(), small.Bytes, GuardedBuffer.Offset, out int written));
                    Assert.AreEqual(needed, written);
                    Assert.IsTrue(small.GuardsIntact(0));
                }
            }
        }

        /// <summary>Long strings take the 2- and 4-byte CBOR length heads.</summary>
        [TestMethod]
        public void WriteCreateCertificateFromCsrRequest_CborLongHeadsHappyPath()
        {
            int[] lengths = { 23, 24, 255, 256, 65535, 65536 };
            string[] heads = { "77", "78 18", "78 ff", "79 01 00", "79 ff ff", "7a 00 01 00 00" };
            for (int i = 0; i < lengths.Length; i++)
            {
                byte[] csr = TestBytes.Utf8Of(new string('c', lengths[i]));
                byte[] buffer = new byte[lengths[i] + 64];
                Assert.AreEqual((int)FpStatus.Success, (int)FpPayloadWriter.WriteCreateCertificateFromCsrRequest(FpFormat.Cbor, csr, buffer, 0, out int written));
                byte[] head = TestBytes.Hex(heads[i]);
                int at = 1 + 2 + 25;
                for (int h = 0; h < head.Length; h++)
                {
                    Assert.AreEqual(head[h], buffer[at + h], "length " + lengths[i]);
                }

                Assert.AreEqual(at + head.Length + lengths[i], written);
            }
        }

        private static StringMap Parameters()
        {
            var parameters = new StringMap();
            parameters.Set("SerialNumber", "1");
            parameters.Set("DeviceLocation", "Seattle");
            return parameters;
        }
    }
}
