using System;
using System.IO;
using NanoFleet.Hal;
using NanoFleet.Hal.Host.Flash;
using Xunit;

namespace NanoFleet.Hal.Host.Tests.Flash
{
    public class NorFlashTests
    {
        private const int Sector = NorFlash.SectorSize;

        [Fact]
        public void Blank_ReadsAllFF()
        {
            using var chip = NorFlash.CreateBlank(4 * Sector);
            var buffer = new byte[4 * Sector];
            Assert.Equal(HalStatus.Success, chip.Read(0, buffer, 0, buffer.Length));
            Assert.All(buffer, b => Assert.Equal(0xFF, b));
        }

        [Fact]
        public void Program_CanOnlyClearBits()
        {
            using var chip = NorFlash.CreateBlank(Sector);
            Assert.Equal(HalStatus.Success, chip.Program(10, new byte[] { 0xF0 }, 0, 1));
            Assert.Equal(HalStatus.Success, chip.Program(10, new byte[] { 0x30 }, 0, 1)); // clears more bits: fine
            Assert.Equal(HalStatus.NotErased, chip.Program(10, new byte[] { 0x31 }, 0, 1)); // would set bit 0 back
            Assert.Equal(HalStatus.NotErased, chip.Program(9, new byte[] { 0x00, 0xFF }, 0, 2)); // refused as a whole
            var b = new byte[2];
            chip.Read(9, b, 0, 2);
            Assert.Equal(new byte[] { 0xFF, 0x30 }, b);
        }

        [Fact]
        public void Erase_SetsWholeSectorsToFF_AndCountsPerSector()
        {
            using var chip = NorFlash.CreateBlank(3 * Sector);
            chip.Program(Sector + 5, new byte[] { 0 }, 0, 1);
            chip.Program(2 * Sector + 5, new byte[] { 0 }, 0, 1);
            Assert.Equal(HalStatus.Misaligned, chip.Erase(Sector + 1, Sector));
            Assert.Equal(HalStatus.Misaligned, chip.Erase(Sector, 100));
            Assert.Equal(HalStatus.OutOfBounds, chip.Erase(2 * Sector, 2 * Sector));
            Assert.Equal(HalStatus.Success, chip.Erase(Sector, Sector));
            var b = new byte[1];
            chip.Read(Sector + 5, b, 0, 1);
            Assert.Equal(0xFF, b[0]);
            chip.Read(2 * Sector + 5, b, 0, 1);
            Assert.Equal(0x00, b[0]);
            Assert.Equal((0L, 1L, 0L), (chip.EraseCount(0), chip.EraseCount(1), chip.EraseCount(2)));
            Assert.Equal(1L, chip.SectorErases);
            Assert.Equal(2L, chip.BytesProgrammed);
        }

        [Fact]
        public void PowerCut_AfterKthProgrammedByte_LandsExactlyKBytes()
        {
            using var chip = NorFlash.CreateBlank(Sector);
            chip.CutAfterProgrammedBytes(3);
            Assert.Equal(HalStatus.Success, chip.Program(0, new byte[] { 1, 2 }, 0, 2));
            Assert.Equal(HalStatus.PowerLost, chip.Program(2, new byte[] { 3, 4, 5 }, 0, 3));
            Assert.True(chip.IsPoweredOff);
            Assert.Equal(HalStatus.PowerLost, chip.Read(0, new byte[1], 0, 1));
            Assert.Equal(HalStatus.PowerLost, chip.Erase(0, Sector));
            chip.PowerOn();
            var b = new byte[5];
            chip.Read(0, b, 0, 5);
            Assert.Equal(new byte[] { 1, 2, 3, 0xFF, 0xFF }, b);
        }

        [Theory]
        [InlineData(EraseCutShape.NothingErased, 0, 0)]
        [InlineData(EraseCutShape.FullyErased, Sector, Sector)]
        [InlineData(EraseCutShape.FirstHalfErased, Sector / 2, Sector / 2)]
        [InlineData(EraseCutShape.SecondHalfErased, Sector / 2, Sector / 2)]
        [InlineData(EraseCutShape.RandomMix, 1500, 2600)]
        public void PowerCut_MidErase_LeavesAMixOfOldAndFF(EraseCutShape shape, int minErased, int maxErased)
        {
            var image = new byte[2 * Sector]; // all zeros
            using var chip = NorFlash.FromImage(image);
            chip.CutDuringErase(new EraseCut(2, shape, Seed: 7));
            Assert.Equal(HalStatus.PowerLost, chip.Erase(0, 2 * Sector));
            chip.PowerOn();
            byte[] after = chip.Snapshot();
            Assert.All(after[..Sector], b => Assert.Equal(0xFF, b)); // the first erase completed
            int erased = 0;
            foreach (byte b in after[Sector..])
            {
                Assert.True(b == 0x00 || b == 0xFF);
                if (b == 0xFF) erased++;
            }

            Assert.InRange(erased, minErased, maxErased);
        }

        [Fact]
        public void File_WritesSurviveReopening()
        {
            string path = Path.Combine(Path.GetTempPath(), "nanofleet-nor-" + Guid.NewGuid().ToString("N") + ".img");
            try
            {
                using (var chip = NorFlash.OpenFile(path, 2 * Sector))
                {
                    chip.Program(100, new byte[] { 0x12, 0x34 }, 0, 2);
                    chip.Erase(Sector, Sector);
                    chip.CutAfterProgrammedBytes(1);
                    chip.Program(Sector + 1, new byte[] { 0x56, 0x78 }, 0, 2); // only 0x56 lands, then power dies
                }

                Assert.Equal(2 * Sector, new FileInfo(path).Length);
                using var reopened = NorFlash.OpenFile(path, 2 * Sector);
                var b = new byte[2];
                reopened.Read(100, b, 0, 2);
                Assert.Equal(new byte[] { 0x12, 0x34 }, b);
                reopened.Read(Sector + 1, b, 0, 2);
                Assert.Equal(new byte[] { 0x56, 0xFF }, b);
                Assert.Throws<InvalidDataException>(() => NorFlash.OpenFile(path, Sector).Dispose());
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Region_IsAWindow_WithBoundsAndReadBack()
        {
            using var chip = NorFlash.CreateBlank(4 * Sector);
            var flash = new HostFlash(chip, new[] { new FlashPartition("a", Sector, Sector), new FlashPartition("b", 2 * Sector, 2 * Sector) });
            Assert.Null(flash.Open("missing"));
            var b = flash.Open("b")!;
            Assert.Equal(("b", 2 * Sector, Sector), (b.Label, b.Size, b.SectorSize));
            Assert.Equal(HalStatus.Success, b.Write(0, new byte[] { 0xAB }, 0, 1));
            Assert.Equal(HalStatus.OutOfBounds, b.Write(2 * Sector, new byte[] { 0 }, 0, 1));
            Assert.Equal(HalStatus.OutOfBounds, b.Read(-1, new byte[1], 0, 1));
            Assert.Equal(HalStatus.NotErased, b.Write(0, new byte[] { 0xFF }, 0, 1));
            var one = new byte[1];
            chip.Read(2 * Sector, one, 0, 1);
            Assert.Equal(0xAB, one[0]);
            Assert.Equal(HalStatus.Success, flash.Open("a")!.Erase(0, Sector));
            Assert.Equal(1L, chip.EraseCount(1));
            Assert.Throws<ArgumentException>(() => new HostFlash(chip, new[] { new FlashPartition("a", 0, Sector), new FlashPartition("a", Sector, Sector) }));
        }

        [Fact]
        public void EncryptedRegion_RefusesTheOldUnalignedWrites_AndRewrites()
        {
            using var chip = NorFlash.CreateBlank(2 * Sector);
            var flash = new HostFlash(chip, new[] { new FlashPartition("nf_creds", 0, 2 * Sector, EncryptedWriteRules: true) });
            var creds = flash.Open("nf_creds")!;
            var header = new byte[24];
            var body = new byte[100];
            Array.Fill(body, (byte)0x5A);

            // The version-1 store: an unpadded body at 32, a 24-byte header commit, a 4-byte bad marker at 28.
            Assert.Equal(HalStatus.Misaligned, creds.Write(32, body, 0, body.Length));
            Assert.Equal(HalStatus.Misaligned, creds.Write(0, header, 0, header.Length));
            Assert.Equal(HalStatus.Misaligned, creds.Write(28, new byte[4], 0, 4));
            Assert.Equal(HalStatus.Misaligned, creds.Write(16, new byte[32], 0, 32)); // 16-aligned is not enough on ESP32
            Assert.Equal(0L, chip.BytesProgrammed); // refused before anything is programmed

            // Whole aligned blocks onto erased flash are fine; a second write onto a written block is not,
            // even where the plain NOR rule (only clearing bits) would allow it.
            var block = new byte[32];
            Array.Fill(block, (byte)0xF0);
            Assert.Equal(HalStatus.Success, creds.Write(32, block, 0, 32));
            Assert.Equal(HalStatus.NotErased, creds.Write(32, new byte[32], 0, 32));
            Assert.Equal(HalStatus.NotErased, creds.Write(0, new byte[64], 0, 64)); // partly over the written block
            Assert.Equal(HalStatus.Success, creds.Erase(0, Sector));
            Assert.Equal(HalStatus.Success, creds.Write(32, new byte[32], 0, 32));

            // Without the option the same region is plain NOR.
            var plain = new HostFlash(chip, new[] { new FlashPartition("nf_creds", 0, 2 * Sector) }).Open("nf_creds")!;
            Assert.Equal(HalStatus.Success, plain.Write(Sector + 28, new byte[4], 0, 4));
        }
    }
}
