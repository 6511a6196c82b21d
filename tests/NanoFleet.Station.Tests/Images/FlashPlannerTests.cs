using System;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoFleet.Station.Claim;
using NanoFleet.Station.Images;
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
        public void Build_Nothing_Refused() =>
            Assert.Throws<ImageContentException>(() => new FlashPlanner(Layout).Build());
    }
}
