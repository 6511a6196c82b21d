using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Provisioning.Tests.Nano.Storage
{
    [TestClass]
    public class SecureCertTlvTests
    {
        [TestMethod]
        public void Writer_MatchesEspressifsOwnOutput()
        {
            // Records 5 and 6 of esp_secure_cert_mgr's test vector tools/tests/input_data/esp_secure_cert.bin,
            // as its tlv_entries_raw.txt lists them (the vector's other records hold a key, so are not reproduced here).
            var image = TestBytes.Filled(96, 0xFF);
            var writer = new SecureCertTlvWriter(image, 0, image.Length);
            byte[] model = TestBytes.Ascii("Device Model: ESP32-S3-DevKit-C");
            byte[] hex = TestBytes.FromHex("deadbeefcafebabe1234567890abcdef");
            Assert.AreEqual((int)TlvStatus.Success, (int)writer.Add(51, 0, 0, model, 0, model.Length));
            Assert.AreEqual((int)TlvStatus.Success, (int)writer.Add(52, 0, 0, hex, 0, hex.Length));
            Assert.AreEqual(80, writer.Length);

            var reader = new SecureCertTlvReader(image, 0, image.Length);
            var record = new SecureCertTlvRecord();
            string error;
            Assert.AreEqual((int)TlvStatus.Success, (int)reader.Next(record, out error));
            Assert.AreEqual((uint)0x2E60F6D8, record.StoredCrc);
            Assert.AreEqual(48, record.TotalLength);
            Assert.AreEqual((int)TlvStatus.Success, (int)reader.Next(record, out error));
            Assert.AreEqual(0x30, record.Offset);
            Assert.AreEqual((uint)0x2AF3C61C, record.StoredCrc);
            Assert.AreEqual((int)TlvStatus.End, (int)reader.Next(record, out error));
        }

        [TestMethod]
        public void Writer_HeaderLayout_IsByteExact()
        {
            var image = TestBytes.Filled(32, 0xFF);
            new SecureCertTlvWriter(image, 0, 32).Add(2, 3, 0x80, new byte[] { 0x41 }, 0, 1);
            CollectionAssert.AreEqual(TestBytes.FromHex("11ba5eba800000000203010041000000000000000000000000000000"), Slice(image, 0, 28));
            Assert.AreEqual(EspCrc32.Compute(image, 0, 28), (uint)(image[28] | image[29] << 8 | image[30] << 16 | image[31] << 24));
        }

        [TestMethod]
        public void RoundTrip_EveryPaddingLength()
        {
            for (int length = 0; length < 32; length++)
            {
                var data = new byte[length];
                for (int i = 0; i < length; i++) data[i] = (byte)(i + 1);
                var image = TestBytes.Filled(128, 0xFF);
                var writer = new SecureCertTlvWriter(image, 0, image.Length);
                Assert.AreEqual((int)TlvStatus.Success, (int)writer.Add(SecureCertTlv.TypeUserData1, 4, 0, data, 0, length));
                int padding = (16 - length % 16) % 16;
                Assert.AreEqual(12 + length + padding + 4, writer.Length);
                Assert.AreEqual(0, writer.Length % 16);
                for (int p = 0; p < padding; p++) Assert.AreEqual((byte)0, image[12 + length + p]);

                var reader = new SecureCertTlvReader(image, 0, image.Length);
                var record = new SecureCertTlvRecord();
                string error;
                Assert.AreEqual((int)TlvStatus.Success, (int)reader.Next(record, out error));
                Assert.AreEqual(length, record.Length);
                Assert.AreEqual((byte)4, record.Subtype);
                Assert.AreEqual(12, record.DataOffset);
                for (int i = 0; i < length; i++) Assert.AreEqual(data[i], image[record.DataOffset + i]);
                Assert.AreEqual((int)TlvStatus.End, (int)reader.Next(record, out error));
                Assert.AreEqual(0xFFFFFFFFu, reader.EndWord);
            }
        }

        [TestMethod]
        public void Reader_TruncatedImage_IsRejected()
        {
            byte[] full = OneRecordImage(40); // 12 + 40 + 8 + 4 = 64 bytes
            for (int cut = 4; cut < 64; cut++)
            {
                var reader = new SecureCertTlvReader(full, 0, cut);
                string error;
                Assert.AreEqual((int)TlvStatus.Truncated, (int)reader.Next(new SecureCertTlvRecord(), out error));
                Assert.Contains("offset 0", error);
                Assert.IsTrue(error.IndexOf("truncated") >= 0 || error.IndexOf("image ends") >= 0, error);
            }
        }

        [TestMethod]
        public void Reader_BadMagic_EndsTheList()
        {
            byte[] image = OneRecordImage(8);
            image[3] = 0xBB;
            var reader = new SecureCertTlvReader(image, 0, image.Length);
            string error;
            Assert.AreEqual((int)TlvStatus.End, (int)reader.Next(new SecureCertTlvRecord(), out error));
            Assert.AreEqual(0xBB5EBA11u, reader.EndWord);
        }

        [TestMethod]
        public void Reader_BadCrc_IsRejected_AndTheWalkGoesOn()
        {
            byte[] image = OneRecordImage(20);
            image[15] ^= 0x01;
            var reader = new SecureCertTlvReader(image, 0, image.Length);
            var record = new SecureCertTlvRecord();
            string error;
            Assert.AreEqual((int)TlvStatus.BadCrc, (int)reader.Next(record, out error));
            Assert.Contains("USER_DATA_1 record at offset 0 has a bad CRC (stored 0x", error);
            Assert.IsFalse(record.CrcValid);
            Assert.AreEqual((int)TlvStatus.End, (int)reader.Next(record, out error));
        }

        [TestMethod]
        public void Writer_BufferTooSmall_WritesNothing()
        {
            var buffer = TestBytes.Filled(64 + 4, 0xA5);
            var writer = new SecureCertTlvWriter(buffer, 2, 63);
            Assert.AreEqual((int)TlvStatus.BufferTooSmall, (int)writer.Add(1, 0, 0, new byte[40], 0, 40)); // needs 64
            for (int i = 0; i < buffer.Length; i++) Assert.AreEqual((byte)0xA5, buffer[i]);
            Assert.AreEqual(0, writer.Length);
        }

        [TestMethod]
        public void Writer_BadParams()
        {
            var writer = new SecureCertTlvWriter(new byte[0x20000], 0, 0x20000);
            Assert.AreEqual((int)TlvStatus.BadParameter, (int)writer.Add(1, 0, 0, null!, 0, 0));
            Assert.AreEqual((int)TlvStatus.BadParameter, (int)writer.Add(1, 0, 0, new byte[4], 2, 3));
            Assert.AreEqual((int)TlvStatus.BadParameter, (int)writer.Add(1, 0, 0, new byte[0x10000], 0, 0x10000));
        }

        [TestMethod]
        public void Writer_EndMarker_StopsReaders()
        {
            var image = TestBytes.Filled(64, 0xFF);
            var writer = new SecureCertTlvWriter(image, 0, 64);
            writer.Add(0, 0, 0, new byte[] { 1 }, 0, 1);
            Assert.AreEqual((int)TlvStatus.Success, (int)writer.AddEndMarker());
            var reader = new SecureCertTlvReader(image, 0, 64);
            string error;
            reader.Next(new SecureCertTlvRecord(), out error);
            Assert.AreEqual((int)TlvStatus.End, (int)reader.Next(new SecureCertTlvRecord(), out error));
            Assert.AreEqual(0x0000FFFFu, reader.EndWord);
        }

        internal static byte[] OneRecordImage(int dataLength)
        {
            var image = TestBytes.Filled(SecureCertTlv.RecordSize(dataLength), 0xFF);
            new SecureCertTlvWriter(image, 0, image.Length).Add(SecureCertTlv.TypeUserData1, 0, 0, new byte[dataLength], 0, dataLength);
            return image;
        }

        private static byte[] Slice(byte[] data, int offset, int count)
        {
            var slice = new byte[count];
            System.Array.Copy(data, offset, slice, 0, count);
            return slice;
        }
    }
}
