using System;
using System.Linq;
using NanoFleet.Station.Rom;
using NanoFleet.Station.Targets;
using Xunit;

namespace NanoFleet.Station.Tests.Rom
{
    /// <summary>
    /// Each command's request bytes and its reply's decoding, against vectors written by hand from
    /// serial-protocol.rst (header 00|op|size LE|checksum LE, reply 01|op|size|value, 4 ROM status bytes).
    /// </summary>
    public class RomCommandVectorTests
    {
        private static readonly byte[] Ok = { 0x00, 0x00, 0x00, 0x00 };

        private readonly ScriptedLink _link = new();
        private readonly RomLoader _loader;

        public RomCommandVectorTests()
        {
            _loader = new RomLoader(new RomLink(_link));
        }

        private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

        private static byte[] Frame(string hex) => Slip.Encode(Hex(hex), 0, Hex(hex).Length);

        private void ReplyOk(byte op, string value = "00000000") => _link.Reply(Frame($"01 {op:X2} 0400 {value} 00000000"));

        private void AssertSent(string hex) => Assert.Equal(Frame(hex), _link.Sent.ToArray());

        [Fact]
        public void Sync_SendsMagicPayload_ReadsEightReplies()
        {
            for (int i = 0; i < 8; i++)
            {
                ReplyOk(0x08, "07071220");
            }

            bool stub = _loader.Sync();

            AssertSent("00 08 2400 00000000 07071220" + string.Concat(Enumerable.Repeat("55", 32)));
            Assert.False(stub);
            Assert.Equal(0, _link.Read(new byte[1], 0, 1, TimeSpan.Zero)); // all eight consumed
        }

        [Fact]
        public void ReadReg_Magic_ValueFromValueField()
        {
            ReplyOk(0x0A, "831DF000");
            Assert.Equal(0x00F01D83u, _loader.ReadReg(0x40001000));
            AssertSent("00 0A 0400 00000000 00100040");
        }

        [Fact]
        public void WriteReg_FourWords()
        {
            ReplyOk(0x09);
            _loader.WriteReg(0x3FF00000, 0x12345678, 0x0000FFFF, 10);
            AssertSent("00 09 1000 00000000 0000F03F 78563412 FFFF0000 0A000000");
        }

        [Fact]
        public void SpiAttach_TwoZeroWordsOnRom()
        {
            ReplyOk(0x0D);
            _loader.SpiAttach();
            AssertSent("00 0D 0800 00000000 00000000 00000000");
        }

        [Fact]
        public void SpiSetParams_Geometry()
        {
            ReplyOk(0x0B);
            _loader.SpiSetParams(0x400000);
            AssertSent("00 0B 1800 00000000 00000000 00004000 00000100 00100000 00010000 FFFF0000");
        }

        [Fact]
        public void FlashBegin_EraseSizeBlocksBlockSizeOffset()
        {
            ReplyOk(0x02);
            Assert.Equal(3, _loader.FlashBegin(0x900, 0x10000));
            AssertSent("00 02 1000 00000000 00090000 03000000 00040000 00000100");
        }

        [Fact]
        public void FlashBlock_HeaderAndSeedEfChecksum()
        {
            ReplyOk(0x03);
            _loader.FlashBlock(new byte[] { 0x01, 0x02, 0xC0 }, 5, TimeSpan.FromSeconds(1));
            // 0xEF ^ 0x01 ^ 0x02 ^ 0xC0 = 0x2C; the C0 in the data is escaped by SLIP only.
            AssertSent("00 03 1300 2C000000 03000000 05000000 00000000 00000000 0102C0");
        }

        [Fact]
        public void FlashFinish_StayInLoaderIsOne()
        {
            ReplyOk(0x04);
            _loader.FlashFinish(reboot: false);
            AssertSent("00 04 0400 00000000 01000000");
        }

        [Fact]
        public void FlashDeflBegin_RomErasesWholeBlocksOfUncompressedSize()
        {
            ReplyOk(0x10);
            Assert.Equal(2, _loader.FlashDeflBegin(0x1001, 0x500, 0xD000));
            AssertSent("00 10 1000 00000000 00140000 02000000 00040000 00D00000");
        }

        [Fact]
        public void FlashDeflBlockAndFinish()
        {
            ReplyOk(0x11);
            ReplyOk(0x12);
            _loader.FlashDeflBlock(new byte[] { 0xAA }, 0, TimeSpan.FromSeconds(1));
            _loader.FlashDeflFinish(reboot: true);
            Assert.Equal(Frame("00 11 1100 45000000 01000000 00000000 00000000 00000000 AA")
                .Concat(Frame("00 12 0400 00000000 00000000")).ToArray(), _link.Sent.ToArray());
        }

        [Fact]
        public void FlashMd5_RomAnswersHex()
        {
            string md5 = "d41d8cd98f00b204e9800998ecf8427e";
            _link.Reply(Frame("01 13 2400 00000000 " + Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(md5)) + "00000000"));
            Assert.Equal(md5, _loader.FlashMd5(0x8000, 0xC00));
            AssertSent("00 13 1000 00000000 00800000 000C0000 00000000 00000000");
        }

        [Fact]
        public void ChangeBaud_Esp32ScalesByRomCrystal()
        {
            var target = new Esp32Target(new RomLink(_link));
            ReplyOk(0x0A, "00900100"); // RTCCALICFG1: cali 800 << 7 = 0x19000
            ReplyOk(0x0A, "80000000"); // eFuse word 4: CK8M 128 -> ROM estimate 40 MHz exactly
            ReplyOk(0x0F);
            target.ChangeBaud(921600);
            Assert.EndsWith(Convert.ToHexString(Frame("00 0F 0800 00000000 00100E00 00000000")), Convert.ToHexString(_link.Sent.ToArray()));
            Assert.Equal(921600, _link.BaudRate);
        }

        [Fact]
        public void ChangeBaud_PortGoneWhenFollowing_DeviceErrorNamingThePort()
        {
            ReplyOk(0x0F);
            _link.PortFailure = new System.IO.IOException("Input/output error");

            var ex = Assert.Throws<EspLinkException>(() => _loader.ChangeBaud(921600));

            Assert.Equal("Failed to set 921600 baud on scripted: Input/output error (device unplugged?)", ex.Message);
            Assert.IsType<System.IO.IOException>(ex.InnerException);
        }

        [Fact]
        public void FlushInput_PortGone_DeviceErrorNamingThePort_AndNothingIsSentAfter()
        {
            _link.PortFailure = new InvalidOperationException("The port is closed.");

            var ex = Assert.Throws<EspLinkException>(() => _loader.Link.FlushInput());
            _link.PortFailure = null;
            ReplyOk(0x0A);
            var next = Assert.Throws<EspLinkException>(() => _loader.ReadReg(0x40001000));

            Assert.Equal("Failed to discard input on scripted: The port is closed. (device unplugged?)", ex.Message);
            Assert.Equal(ex.Message, next.Message);
            Assert.Equal(0, _link.Sent.Length); // a dead port is never written to again
        }

        [Fact]
        public void Esp32ReadMac_Efuse2And1BigEndianMinusCrc()
        {
            var target = new Esp32Target(new RomLink(_link));
            ReplyOk(0x0A, "0A24A500");
            ReplyOk(0x0A, "563412C4");
            // word2 = 0x00A5240A -> bytes 00 A5 24 0A; word1 = 0xC4123456 -> C4 12 34 56; MAC = 24 0A C4 12 34 56
            Assert.Equal(Hex("240AC4123456"), target.ReadMac());
        }

        [Fact]
        public void CheckCommand_FailureStatus_EsptoolStyleMessage()
        {
            _link.Reply(Frame("01 03 0400 00000000 01070000"));
            var ex = Assert.Throws<EspFatalException>(() => _loader.FlashBlock(new byte[] { 1 }, 12, TimeSpan.FromSeconds(1)));
            Assert.Equal("Failed to write to target Flash after seq 12 (result was 0107: Checksum error)", ex.Message);
            Assert.Equal(RomErrors.ChecksumError, ex.RomError);
        }

        [Fact]
        public void Command_SkipsRepliesToOtherOps_AndNoise()
        {
            _link.Reply(0x11, 0x22);
            ReplyOk(0x08);
            ReplyOk(0x0A, "EFBEADDE");
            Assert.Equal(0xDEADBEEFu, _loader.ReadReg(0));
        }

        [Fact]
        public void Command_NoReply_TimesOutNamingTheCommand()
        {
            var ex = Assert.Throws<EspTimeoutException>(() => _loader.FlashBegin(0x1000, 0x10000));
            Assert.StartsWith("Failed to enter Flash download mode: Timed out", ex.Message);
            Assert.Contains("command 0x02", ex.Message);
        }

        [Fact]
        public void IdempotentCommand_InvalidMessageOnce_SentAgain()
        {
            _link.Reply(Frame("01 0D 0400 00000000 01050000"));
            ReplyOk(0x0D);
            _loader.SpiAttach();
            string one = Convert.ToHexString(Frame("00 0D 0800 00000000 00000000 00000000"));
            Assert.Equal(one + one, Convert.ToHexString(_link.Sent.ToArray()));
        }

        [Fact]
        public void ErrorCodes_AllRomCodesMapped()
        {
            Assert.Equal("0105: Received message is invalid", RomErrors.FormatResult(1, 5));
            Assert.Equal("0106: Failed to act on received message", RomErrors.FormatResult(1, 6));
            Assert.Equal("0108: Flash write error", RomErrors.FormatResult(1, 8));
            Assert.Equal("0109: Flash read error", RomErrors.FormatResult(1, 9));
            Assert.Equal("010A: Flash read length error", RomErrors.FormatResult(1, 0x0A));
            Assert.Equal("010B: Deflate error", RomErrors.FormatResult(1, 0x0B));
            Assert.Equal("01FF: Unknown result", RomErrors.FormatResult(1, 0xFF));
        }

        [Fact]
        public void Timeouts_ScaleWithSize_FloorAtDefault()
        {
            Assert.Equal(TimeSpan.FromSeconds(3), RomTimeouts.PerMb(RomTimeouts.Md5SecondsPerMb, 0x1000));
            Assert.Equal(TimeSpan.FromSeconds(16), RomTimeouts.PerMb(RomTimeouts.Md5SecondsPerMb, 2_000_000));
            Assert.Equal(TimeSpan.FromSeconds(120), RomTimeouts.PerMb(RomTimeouts.EraseRegionSecondsPerMb, 4_000_000));
        }
    }
}
