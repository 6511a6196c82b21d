using System;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoFleet.Station.Claim;
using NanoFleet.Station.Images;
using NanoFleet.Station.Operations;
using NanoFleet.Station.Partitions;
using NanoFleet.Station.Simulator;
using Xunit;

namespace NanoFleet.Station.Tests.Images
{
    public class FlashPlannerTests
    {
        private static readonly PartitionTable Layout = PartitionTable.Load(RepoFiles.PartitionsCsv);

        internal static byte[] ClaimImage(string serial = "SN-1")
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=claim", key, HashAlgorithmName.SHA256);
            using X509Certificate2 cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            return new ClaimImageBuilder()
                .WithCaPem(cert.ExportCertificatePem(), "ca")
                .WithClaimCertificatePem(cert.ExportCertificatePem(), "cert")
                .WithClaimKeyPem(key.ExportPkcs8PrivateKeyPem(), "key")
                .WithEndpoint("localhost:8883")
                .WithTemplate("fleet-tpl")
                .WithParameter("SerialNumber", serial)
                .Build().Bytes;
        }

        [Fact]
        public void Plan_AllThree_PlacedAtCsvOffsets()
        {
            FlashPlan plan = new FlashPlanner(Layout)
                .AddApp("factory", SyntheticAppImage.Build(100_000), "app.bin")
                .AddClaim(ClaimImage(), "claim.bin")
                .AddTable(Layout.ToBinary(), "table.bin")
                .Build();

            Assert.Equal(new[] { Layout.Options.TableOffset, Layout.Get("esp_secure_cert").Offset, Layout.Get("factory").Offset },
                plan.Regions.Select(r => r.Offset).ToArray());
            Assert.Equal(3, plan.Notes.Count);
        }

        [Fact]
        public void AddApp_ByOffset_MustBeAnAppRow()
        {
            var planner = new FlashPlanner(Layout);
            planner.AddApp($"0x{Layout.Get("factory").Offset:X}", SyntheticAppImage.Build(4096), "app.bin");
            var ex = Assert.Throws<ImageContentException>(() => planner.AddApp("0x9000", SyntheticAppImage.Build(4096), "app.bin"));
            Assert.Contains("not an app partition", ex.Message);
            Assert.Contains("no partition at '0x123000'", Assert.Throws<ImageContentException>(() => planner.AddApp("0x123000", SyntheticAppImage.Build(4096), "x.bin")).Message);
        }

        [Fact]
        public void AddTable_BadMd5_Refused()
        {
            byte[] table = Layout.ToBinary();
            table[5] ^= 0x01; // offset byte of the first row; the MD5 row no longer matches
            var ex = Assert.Throws<PartitionTableException>(() => new FlashPlanner(Layout).AddTable(table, "table.bin"));
            Assert.True(ex.IsChecksumMismatch);
        }

        [Fact]
        public void AddClaim_BadTlvCrc_Refused()
        {
            byte[] claim = ClaimImage();
            claim[20] ^= 0x01;
            var ex = Assert.Throws<ImageContentException>(() => new FlashPlanner(Layout).AddClaim(claim, "claim.bin"));
            Assert.Contains("bad CRC", ex.Message);
        }

        [Fact]
        public void AddBootloader_AtTheRomsFixedOffset_HappyPath()
        {
            byte[] bootloader = SyntheticAppImage.Build(24 * 1024, 3, projectName: "bootloader");

            FlashPlan plan = new FlashPlanner(Layout)
                .AddTable(Layout.ToBinary(), "table.bin")
                .AddBootloader(bootloader, "bootloader.bin")
                .Build();

            FlashRegion first = plan.Regions[0];
            Assert.Equal((FlashPlanner.BootloaderRegion, 0x1000u), (first.Name, first.Offset));
            Assert.Same(bootloader, first.Data);
            Assert.Equal("bootloader @0x1000: bootloader.bin, ESP32 bootloader, 2 segments, checksum ok, SHA-256 ok", plan.Notes[1]);
        }

        [Fact]
        public void AddBootloader_BadMagic_RefusedNamingTheFile()
        {
            byte[] bootloader = SyntheticAppImage.Build(8 * 1024);
            bootloader[0] = 0x00;

            var ex = Assert.Throws<ImageContentException>(() => new FlashPlanner(Layout).AddBootloader(bootloader, "boot.bin"));

            Assert.Equal("boot.bin: bootloader image starts with 0x00, not the ESP image magic 0xE9", ex.Message);
        }

        [Fact]
        public void AddBootloader_RunsIntoThePartitionTable_RefusedNamingTheFile()
        {
            // 0x7000 bytes fit exactly between 0x1000 and the table at 0x8000; one more 16-byte block does not.
            new FlashPlanner(Layout).AddBootloader(SyntheticAppImage.Build(0x7000 - 16), "fits.bin");
            byte[] large = SyntheticAppImage.Build(0x7000 + 16);
            Assert.True(large.Length > 0x7000);

            var ex = Assert.Throws<ImageContentException>(() => new FlashPlanner(Layout).AddBootloader(large, "big.bin"));

            Assert.StartsWith($"big.bin: bootloader image is {large.Length} bytes;", ex.Message);
            Assert.EndsWith("must end before the partition table at 0x8000 (at most 0x7000 bytes)", ex.Message);
        }

        [Fact]
        public void AddBootloader_AnotherChipsImage_Refused()
        {
            var ex = Assert.Throws<ImageContentException>(() =>
                new FlashPlanner(Layout).AddBootloader(SyntheticAppImage.Build(8 * 1024, chipId: 5), "c3-boot.bin"));
            Assert.Contains("c3-boot.bin: bootloader image is built for chip id 5", ex.Message);
        }

        [Fact]
        public void AddApp_AtTheBootloaderOffset_PointsToTheBootloader()
        {
            var ex = Assert.Throws<ImageContentException>(() =>
                new FlashPlanner(Layout).AddApp("0x1000", SyntheticAppImage.Build(8 * 1024), "bootloader.bin"));
            Assert.Equal("bootloader.bin: 0x1000 is the bootloader's offset, not an app partition; give the file as the bootloader (flash --bootloader)", ex.Message);
        }

        [Fact]
        public void Build_Nothing_Refused() =>
            Assert.Throws<ImageContentException>(() => new FlashPlanner(Layout).Build());
    }
}
