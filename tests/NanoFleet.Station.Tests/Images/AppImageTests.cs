using System;
using System.Security.Cryptography;
using NanoFleet.Station.Images;
using NanoFleet.Station.Operations;
using NanoFleet.Station.Simulator;
using Xunit;

namespace NanoFleet.Station.Tests.Images
{
    public class AppImageTests
    {
        private static readonly byte[] Good = SyntheticAppImage.Build(64 * 1024, 3);

        private static byte[] Damaged(Action<byte[]> damage)
        {
            var copy = (byte[])Good.Clone();
            damage(copy);
            return copy;
        }

        [Fact]
        public void Parse_SyntheticImage_HappyPath()
        {
            AppImage app = AppImage.Parse(Good, "app.bin");
            Assert.Equal(2, app.SegmentCount);
            Assert.True(app.HashAppended);
            Assert.Equal("nanoCLR", app.ProjectName);
            Assert.Equal(Good.Length, app.Length);
        }

        [Fact]
        public void Synthetic_CompressesLikeFirmware()
        {
            double ratio = (double)FlashWriter.Deflate(Good).Length / Good.Length;
            Assert.InRange(ratio, 0.5, 0.75);
        }

        [Fact]
        public void Parse_BadMagic() =>
            Assert.Contains("not the ESP image magic 0xE9", Assert.Throws<ImageContentException>(() => AppImage.Parse(Damaged(b => b[0] = 0xE8), "a.bin")).Message);

        [Fact]
        public void Parse_SegmentPastEnd() =>
            Assert.Contains("past the end", Assert.Throws<ImageContentException>(() => AppImage.Parse(Damaged(b => b[24 + 4 + 2] = 0x7F), "a.bin")).Message);

        [Fact]
        public void Parse_TooManySegments() =>
            Assert.Contains("17 segments", Assert.Throws<ImageContentException>(() => AppImage.Parse(Damaged(b => b[1] = 17), "a.bin")).Message);

        [Fact]
        public void Parse_BadChecksum_WhenSegmentByteChanges()
        {
            // Change a data byte and re-hash, so only the checksum can catch it.
            byte[] image = Damaged(b =>
            {
                b[1000] ^= 0x01;
                SHA256.HashData(b.AsSpan(0, b.Length - 32)).CopyTo(b, b.Length - 32);
            });
            Assert.Contains("checksum byte", Assert.Throws<ImageContentException>(() => AppImage.Parse(image, "a.bin")).Message);
        }

        [Fact]
        public void Parse_BadSha256() =>
            Assert.Contains("SHA-256 does not match", Assert.Throws<ImageContentException>(() => AppImage.Parse(Damaged(b => b[^1] ^= 1), "a.bin")).Message);

        [Fact]
        public void CheckFits_OtherChip_NamesIt()
        {
            AppImage app = AppImage.Parse(SyntheticAppImage.Build(4096, 1, chipId: 5), "c3.bin");
            var ex = Assert.Throws<ImageContentException>(() => app.CheckFits(0, "ESP32", "factory", 0x100000));
            Assert.Contains("ESP32-C3", ex.Message);
        }

        [Fact]
        public void CheckFits_LargerThanPartition()
        {
            AppImage app = AppImage.Parse(Good, "app.bin");
            Assert.Contains("larger than partition 'factory'", Assert.Throws<ImageContentException>(() => app.CheckFits(0, "ESP32", "factory", 0x1000)).Message);
        }
    }
}
