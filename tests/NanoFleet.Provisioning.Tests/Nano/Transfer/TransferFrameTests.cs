using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Provisioning.Transfer;

namespace NanoFleet.Provisioning.Tests.Nano.Transfer
{
    [TestClass]
    public class TransferFrameTests
    {
        [TestMethod]
        public void Writer_ThingHappyPath_IsByteExact()
        {
            var buffer = new GuardedBuffer(64);
            var w = new TransferFrameWriter(buffer.Bytes, GuardedBuffer.Offset, 64);
            Assert.AreEqual((int)TransferStatus.Success, (int)w.Begin(TransferMessages.Thing, 7));
            Assert.AreEqual((int)TransferStatus.Success, (int)w.AddText(TransferFields.ThingName, "ab"));
            int written;
            Assert.AreEqual((int)TransferStatus.Success, (int)w.Finish(out written));
            Assert.AreEqual(6 + 5 + 4, written);
            CollectionAssert.AreEqual(Storage.TestBytes.FromHex("4e46310705002002006162"), Slice(buffer.Bytes, GuardedBuffer.Offset, 11));
            uint crc = EspCrc32.Compute(buffer.Bytes, GuardedBuffer.Offset, 11);
            Assert.AreEqual(crc, (uint)(buffer.Bytes[GuardedBuffer.Offset + 11] | buffer.Bytes[GuardedBuffer.Offset + 12] << 8
                | buffer.Bytes[GuardedBuffer.Offset + 13] << 16 | buffer.Bytes[GuardedBuffer.Offset + 14] << 24));
            Assert.IsTrue(buffer.GuardsIntact(written));
        }

        [TestMethod]
        public void Writer_BufferTooSmall_WritesNothingPastTheRoom()
        {
            for (int room = 0; room < 15; room++)
            {
                var buffer = new GuardedBuffer(room);
                var w = new TransferFrameWriter(buffer.Bytes, GuardedBuffer.Offset, room);
                w.Begin(TransferMessages.Thing, 1);
                w.AddText(TransferFields.ThingName, "ab");
                int written;
                Assert.AreEqual((int)TransferStatus.BufferTooSmall, (int)w.Finish(out written));
                Assert.AreEqual(0, written);
                Assert.IsTrue(buffer.GuardsIntact(room));
            }
        }

        [TestMethod]
        public void Writer_BadParams_AreStatuses()
        {
            var w = new TransferFrameWriter(new byte[64], 0, 64);
            w.Begin(TransferMessages.Thing, 1);
            Assert.AreEqual((int)TransferStatus.BadParameter, (int)w.AddBytes(TransferFields.ThingName, new byte[4], 2, 3));
            int written;
            Assert.AreEqual((int)TransferStatus.BadParameter, (int)w.Finish(out written));
            w.Begin(TransferMessages.Thing, 1);
            Assert.AreEqual((int)TransferStatus.BadParameter, (int)w.AddText(TransferFields.ThingName, null!));
        }

        [TestMethod]
        public void Reader_RoundTrip_ReadsEveryFieldKind()
        {
            byte[] frame = WriteSample(out int length);
            var read = new TransferFrame();
            int consumed;
            Assert.AreEqual((int)TransferStatus.Success, (int)TransferFrameReader.Read(frame, 0, length, read, out consumed));
            Assert.AreEqual(length, consumed);
            Assert.AreEqual((int)TransferMessages.Hello, (int)read.Type);
            Assert.AreEqual(9, (int)read.Sequence);
            string mac;
            uint wait;
            byte reason;
            long expires;
            Assert.AreEqual((int)TransferStatus.Success, (int)TransferFrameReader.ReadText(read, TransferFields.MacAddress, out mac));
            Assert.AreEqual("024e46000001", mac);
            Assert.AreEqual((int)TransferStatus.Success, (int)TransferFrameReader.ReadUInt32(read, TransferFields.WaitSeconds, out wait));
            Assert.AreEqual(600u, wait);
            Assert.AreEqual((int)TransferStatus.Success, (int)TransferFrameReader.ReadByte(read, TransferFields.Reason, out reason));
            Assert.AreEqual((int)TransferReasons.ClaimExpired, (int)reason);
            Assert.AreEqual((int)TransferStatus.Success, (int)TransferFrameReader.ReadInt64(read, TransferFields.ExpiresUnixSeconds, out expires));
            Assert.AreEqual(1764864000L, expires);
            Assert.AreEqual((int)TransferStatus.BadPayload, (int)TransferFrameReader.ReadText(read, TransferFields.ThingName, out mac));
            Assert.AreEqual((int)TransferStatus.BadPayload, (int)TransferFrameReader.ReadUInt32(read, TransferFields.Reason, out wait));
        }

        [TestMethod]
        public void Reader_EveryTruncation_NeedsMoreData()
        {
            byte[] frame = WriteSample(out int length);
            for (int cut = 0; cut < length; cut++)
            {
                int consumed;
                Assert.AreEqual((int)TransferStatus.NeedMoreData, (int)TransferFrameReader.Read(frame, 0, cut, new TransferFrame(), out consumed));
                Assert.AreEqual(0, consumed);
            }
        }

        [TestMethod]
        public void Reader_EveryFlippedBit_IsRefusedAndSkipped()
        {
            byte[] frame = WriteSample(out int length);
            for (int bit = 0; bit < length * 8; bit++)
            {
                var copy = (byte[])frame.Clone();
                copy[bit / 8] ^= (byte)(1 << (bit % 8));
                int consumed;
                var status = TransferFrameReader.Read(copy, 0, length, new TransferFrame(), out consumed);
                // A flipped magic or type byte is noise (skipped as such); a flipped length may announce more bytes than there are.
                Assert.IsTrue(status != TransferStatus.Success, "bit " + bit);
                Assert.IsTrue(consumed <= length, "bit " + bit);
            }
        }

        [TestMethod]
        public void Reader_NoiseBeforeAFrame_IsSkipped()
        {
            byte[] frame = WriteSample(out int length);
            byte[] noise = Storage.TestBytes.Ascii("I (312) boot: ESP-IDF v5.1 NNF");
            var stream = new byte[noise.Length + length];
            System.Array.Copy(noise, stream, noise.Length);
            System.Array.Copy(frame, 0, stream, noise.Length, length);
            var read = new TransferFrame();
            int offset = 0, consumed;
            TransferStatus status;
            while ((status = TransferFrameReader.Read(stream, offset, stream.Length - offset, read, out consumed)) != TransferStatus.Success)
            {
                Assert.IsTrue(consumed > 0);
                offset += consumed;
            }

            Assert.AreEqual(stream.Length, offset + consumed);
            Assert.AreEqual(9, (int)read.Sequence);
        }

        [TestMethod]
        public void Reader_OverlongLength_IsBadLength()
        {
            byte[] header = Storage.TestBytes.FromHex("4e4601010120");
            int consumed;
            Assert.AreEqual((int)TransferStatus.BadLength, (int)TransferFrameReader.Read(header, 0, header.Length, new TransferFrame(), out consumed));
            Assert.AreEqual(1, consumed);
        }

        [TestMethod]
        public void Reader_BadParams_AreStatuses()
        {
            int consumed;
            Assert.AreEqual((int)TransferStatus.BadParameter, (int)TransferFrameReader.Read(null!, 0, 0, new TransferFrame(), out consumed));
            Assert.AreEqual((int)TransferStatus.BadParameter, (int)TransferFrameReader.Read(new byte[4], 2, 3, new TransferFrame(), out consumed));
        }

        internal static byte[] WriteSample(out int length)
        {
            var bytes = new byte[128];
            var w = new TransferFrameWriter(bytes, 0, bytes.Length);
            w.Begin(TransferMessages.Hello, 9);
            w.AddText(TransferFields.MacAddress, "024e46000001");
            w.AddUInt32(TransferFields.WaitSeconds, 600);
            w.AddByte(TransferFields.Reason, TransferReasons.ClaimExpired);
            w.AddInt64(TransferFields.ExpiresUnixSeconds, 1764864000L);
            w.Finish(out length);
            return bytes;
        }

        private static byte[] Slice(byte[] data, int offset, int count)
        {
            var slice = new byte[count];
            System.Array.Copy(data, offset, slice, 0, count);
            return slice;
        }
    }
}
