using nanoFramework.TestFramework;
using NanoFleet.Hal;
using NanoFleet.Provisioning.Transfer;

namespace NanoFleet.Provisioning.Tests.Nano.Transfer
{
    [TestClass]
    public class TransferReceiverTests
    {
        [TestMethod]
        public void Receive_OneByteAtATime_AssemblesTheFrame()
        {
            byte[] frame = TransferFrameTests.WriteSample(out int length);
            var line = new TrickleLine(frame, length);
            var receiver = new TransferReceiver(new byte[TransferFrame.MaxFrameLength]);
            var read = new TransferFrame();
            for (int i = 0; i < length - 1; i++)
            {
                Assert.AreEqual(1, receiver.Receive(line, 0));
                Assert.AreEqual((int)TransferStatus.NeedMoreData, (int)receiver.Next(read));
            }

            Assert.AreEqual(1, receiver.Receive(line, 0));
            Assert.AreEqual((int)TransferStatus.Success, (int)receiver.Next(read));
            Assert.AreEqual(9, (int)read.Sequence);
            Assert.AreEqual(-1, receiver.Receive(line, 0));
        }

        [TestMethod]
        public void Next_CorruptThenGoodFrame_ReportsTheCorruptOnceThenTheGoodOne()
        {
            byte[] good = TransferFrameTests.WriteSample(out int length);
            var stream = new byte[2 * length];
            System.Array.Copy(good, stream, length);
            System.Array.Copy(good, 0, stream, length, length);
            stream[length - 1] ^= 0xFF; // the first copy's CRC
            var receiver = new TransferReceiver(new byte[TransferFrame.MaxFrameLength]);
            receiver.Receive(new TrickleLine(stream, stream.Length) { Chunk = stream.Length }, 0);
            var read = new TransferFrame();
            Assert.AreEqual((int)TransferStatus.BadCrc, (int)receiver.Next(read));
            Assert.AreEqual(9, (int)read.Sequence);
            Assert.AreEqual((int)TransferStatus.Success, (int)receiver.Next(read));
            Assert.AreEqual((int)TransferStatus.NeedMoreData, (int)receiver.Next(read));
        }

        /// <summary>A serial line that delivers a fixed byte stream a few bytes per read, then reports it closed.</summary>
        private sealed class TrickleLine : ISerialLine
        {
            private readonly byte[] _data;
            private readonly int _length;
            private int _at;

            public TrickleLine(byte[] data, int length)
            {
                _data = data;
                _length = length;
            }

            public int Chunk { get; set; } = 1;

            public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
            {
                if (_at == _length) return -1;
                int n = _length - _at < Chunk ? _length - _at : Chunk;
                if (n > count) n = count;
                System.Array.Copy(_data, _at, buffer, offset, n);
                _at += n;
                return n;
            }

            public HalStatus Write(byte[] buffer, int offset, int count) => HalStatus.Success;
        }
    }
}
