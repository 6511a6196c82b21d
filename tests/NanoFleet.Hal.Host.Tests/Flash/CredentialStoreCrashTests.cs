using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoFleet.Hal.Host.Flash;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Station.Partitions;
using Xunit;
using Xunit.Abstractions;

namespace NanoFleet.Hal.Host.Tests.Flash
{
    /// <summary>
    /// The exhaustive power-cut test of the device-credential store on the NOR model. For every cut
    /// point of an operation (after each programmed byte, and inside each sector erase in seven shapes:
    /// nothing erased, fully erased, either half erased, three seeded random mixes of old bytes and
    /// 0xFF), the device "reboots" from the flash as the cut left it and must load either the complete
    /// old record or the complete new one (NotFound where that is the old or new state), the claim
    /// partition must be byte-identical, and a following save must still work.
    /// The two partitions are placed next to each other in a small chip (sizes from partitions.csv) so
    /// that restoring the image per cut point is cheap. nf_creds is flagged <c>encrypted</c>, so its
    /// region enforces the encrypted-partition write rules (whole aligned 32-byte blocks onto erased
    /// flash): a store write that breaks them fails the test as an unexpected Error.
    /// </summary>
    public class CredentialStoreCrashTests
    {
        private static readonly EraseCut[] Shapes =
        {
            new(0, EraseCutShape.NothingErased), new(0, EraseCutShape.FullyErased), new(0, EraseCutShape.FirstHalfErased),
            new(0, EraseCutShape.SecondHalfErased), new(0, EraseCutShape.RandomMix, 1), new(0, EraseCutShape.RandomMix, 2),
            new(0, EraseCutShape.RandomMix, 3),
        };

        private readonly ITestOutputHelper _output;
        private readonly FlashPartition _claim;
        private readonly FlashPartition _creds;

        public CredentialStoreCrashTests(ITestOutputHelper output)
        {
            _output = output;
            var table = PartitionTable.Load(FindPartitionsCsv());
            var claimRow = table.Get("esp_secure_cert");
            var credsRow = table.Get("nf_creds");
            _claim = new FlashPartition(claimRow.Name, 0, (int)claimRow.Size);
            _creds = new FlashPartition(credsRow.Name, (int)claimRow.Size, (int)credsRow.Size, EncryptedWriteRules: true);
        }

        [Fact]
        public void Save_OverTwoOlderRecords_YieldsOldOrNew()
        {
            var chip = FreshChip();
            Save(chip, Credentials("older"));
            Save(chip, Credentials("old"));
            int cuts = RunEveryCut(chip.Snapshot(), s => s.Save(Credentials("new")), Credentials("old"), Credentials("new"));
            _output.WriteLine($"save over an existing record: {cuts} cut points");
            Assert.True(cuts > 2500, "a realistic record (RSA-2048 key and certificate) programs thousands of bytes");
        }

        [Fact]
        public void FirstSave_OnBlankFlash_YieldsNothingOrNew()
        {
            int cuts = RunEveryCut(FreshChip().Snapshot(), s => s.Save(Credentials("first")), null, Credentials("first"));
            _output.WriteLine($"first save: {cuts} cut points");
        }

        [Fact]
        public void MarkBad_YieldsOldOrNotFound()
        {
            var chip = FreshChip();
            Save(chip, Credentials("older"));
            Save(chip, Credentials("current"));
            int cuts = RunEveryCut(chip.Snapshot(), s => s.MarkBad(), Credentials("current"), null);
            _output.WriteLine($"mark bad: {cuts} cut points");
            Assert.Equal(32, cuts); // one 32-byte marker block, no erase
        }

        [Fact]
        public void MarkBad_AfterACutMidMarker_TakesTheSecondMarkerBlock()
        {
            var chip = FreshChip();
            Save(chip, Credentials("older"));
            Save(chip, Credentials("current"));
            chip.CutAfterProgrammedBytes(5);
            Assert.Equal(StoreStatus.Error, Store(chip).MarkBad());
            chip.PowerOn();
            Assert.Equal(StoreStatus.Success, Store(chip).Load(new DeviceCredentials())); // a torn marker is no marker
            Assert.Equal(StoreStatus.Success, Store(chip).MarkBad()); // marker A is no longer erased: marker B
            Assert.Equal(StoreStatus.NotFound, Store(chip).Load(new DeviceCredentials()));
        }

        [Fact]
        public void Save_SkipsTheSecondSectorOnlyWhenProvablyBlank()
        {
            var chip = FreshChip();
            Save(chip, Credentials("a1"));                      // slot A, from blank: both sectors erased
            Save(chip, Credentials("b1"));                      // slot B, from blank: both sectors erased
            chip.ResetCounters();
            Save(chip, Credentials("a2"));                      // slot A held a committed record inside its first sector
            Assert.Equal(1, chip.SectorErases);
        }

        [Fact]
        public void SaveAfterMarkBad_YieldsNotFoundOrNew()
        {
            var chip = FreshChip();
            Save(chip, Credentials("older"));
            Save(chip, Credentials("revoked"));
            Assert.Equal(StoreStatus.Success, Store(chip).MarkBad());
            int cuts = RunEveryCut(chip.Snapshot(), s => s.Save(Credentials("reprovisioned")), null, Credentials("reprovisioned"));
            _output.WriteLine($"save after mark bad: {cuts} cut points");
        }

        /// <summary>Runs <paramref name="operation"/> once to count its steps, then once per cut point; returns the number of cut points.</summary>
        private int RunEveryCut(byte[] before, Func<DeviceCredentialStore, StoreStatus> operation, DeviceCredentials? old, DeviceCredentials? next)
        {
            byte[] claimBefore = before[_claim.Offset..(_claim.Offset + _claim.Size)];
            var dry = NorFlash.FromImage(before);
            Assert.Equal(StoreStatus.Success, operation(Store(dry)));
            long programmed = dry.BytesProgrammed, erases = dry.SectorErases;
            AssertOutcome(dry, next, old, next, "no cut");

            int cuts = 0;
            for (long k = 1; k <= programmed; k++)
            {
                var chip = NorFlash.FromImage(before);
                chip.CutAfterProgrammedBytes(k);
                Assert.Equal(StoreStatus.Error, operation(Store(chip))); // the cut write reports PowerLost
                Reboot(chip, claimBefore, old, next, $"cut after programmed byte {k} of {programmed}");
                cuts++;
            }

            for (long e = 1; e <= erases; e++)
            {
                foreach (var shape in Shapes)
                {
                    var chip = NorFlash.FromImage(before);
                    chip.CutDuringErase(shape with { EraseIndex = e });
                    Assert.Equal(StoreStatus.Error, operation(Store(chip)));
                    Reboot(chip, claimBefore, old, next, $"cut in sector erase {e} of {erases} ({shape.Shape}, seed {shape.Seed})");
                    cuts++;
                }
            }

            return cuts;
        }

        private void Reboot(NorFlash chip, byte[] claimBefore, DeviceCredentials? old, DeviceCredentials? next, string where)
        {
            chip.PowerOn();
            byte[] after = chip.Snapshot();
            Assert.True(claimBefore.AsSpan().SequenceEqual(after.AsSpan(_claim.Offset, _claim.Size)), $"{where}: the claim partition changed");
            var loaded = AssertOutcome(chip, null, old, next, where);

            // The device must also carry on: the next save after the cut is the one that loads.
            var later = Credentials("after-" + (loaded?.ThingName ?? "none"));
            Assert.Equal(StoreStatus.Success, Store(chip).Save(later));
            var reloaded = new DeviceCredentials();
            Assert.Equal(StoreStatus.Success, Store(chip).Load(reloaded));
            Assert.True(Same(later, reloaded), $"{where}: the save after the cut did not load back");
        }

        private DeviceCredentials? AssertOutcome(NorFlash chip, DeviceCredentials? expectedOnly, DeviceCredentials? old, DeviceCredentials? next, string where)
        {
            var loaded = new DeviceCredentials();
            var status = Store(chip).Load(loaded);
            Assert.True(status == StoreStatus.Success || status == StoreStatus.NotFound, $"{where}: Load returned {status}");
            DeviceCredentials? got = status == StoreStatus.Success ? loaded : null;
            if (expectedOnly is not null)
            {
                Assert.True(got is not null && Same(expectedOnly, got), $"{where}: expected '{expectedOnly.ThingName}', got '{got?.ThingName ?? "nothing"}'");
                return got;
            }

            bool isOld = old is null ? got is null : got is not null && Same(old, got);
            bool isNew = next is null ? got is null : got is not null && Same(next, got);
            Assert.True(isOld || isNew, $"{where}: loaded '{got?.ThingName ?? "nothing"}', which is neither the old nor the new record");
            return got;
        }

        private NorFlash FreshChip()
        {
            var chip = NorFlash.CreateBlank(_claim.Size + _creds.Size);
            var claim = ClaimImage();
            Assert.Equal(HalStatus.Success, chip.Program(_claim.Offset, claim, 0, claim.Length));
            return chip;
        }

        private DeviceCredentialStore Store(NorFlash chip) =>
            new(new HostFlash(chip, new[] { _claim, _creds }).Open("nf_creds")!, null!);

        private void Save(NorFlash chip, DeviceCredentials c) => Assert.Equal(StoreStatus.Success, Store(chip).Save(c));

        private static bool Same(DeviceCredentials a, DeviceCredentials b)
        {
            if (a.CertificateId != b.CertificateId || !a.CertificatePem.AsSpan().SequenceEqual(b.CertificatePem) || !a.PrivateKeyPem.AsSpan().SequenceEqual(b.PrivateKeyPem) ||
                a.ThingName != b.ThingName || a.TemplateName != b.TemplateName || a.ProvisionedAtUnixSeconds != b.ProvisionedAtUnixSeconds ||
                a.DeviceConfiguration.Count != b.DeviceConfiguration.Count)
            {
                return false;
            }

            for (int i = 0; i < a.DeviceConfiguration.Count; i++)
            {
                if (a.DeviceConfiguration.KeyAt(i) != b.DeviceConfiguration.KeyAt(i) || a.DeviceConfiguration.ValueAt(i) != b.DeviceConfiguration.ValueAt(i)) return false;
            }

            return true;
        }

        private static readonly Dictionary<string, DeviceCredentials> Made = new();

        /// <summary>A realistic record: an RSA-2048 key and certificate made with .NET crypto, as CreateKeysAndCertificate returns.</summary>
        internal static DeviceCredentials Credentials(string thing)
        {
            lock (Made)
            {
                if (Made.TryGetValue(thing, out var known)) return known;
                using var rsa = RSA.Create(2048);
                var request = new CertificateRequest("CN=" + thing, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
                var c = new DeviceCredentials
                {
                    CertificateId = Convert.ToHexStringLower(SHA256.HashData(cert.RawData)),
                    CertificatePem = System.Text.Encoding.UTF8.GetBytes(cert.ExportCertificatePem() + "\n"),
                    PrivateKeyPem = System.Text.Encoding.UTF8.GetBytes(rsa.ExportRSAPrivateKeyPem() + "\n"),
                    ThingName = thing,
                    TemplateName = "fleet-tpl",
                    ProvisionedAtUnixSeconds = 1764150000 + thing.Length,
                };
                c.DeviceConfiguration.Set("Fallback", "ota.example.com");
                c.DeviceConfiguration.Set("Region", "eu-west-1");
                Made[thing] = c;
                return c;
            }
        }

        private static byte[] ClaimImage()
        {
            var image = new byte[SecureCertTlv.PartitionSize];
            Array.Fill(image, (byte)0xFF);
            var writer = new SecureCertTlvWriter(image, 0, image.Length);
            var claimCreds = Credentials("claim");
            foreach (var (type, text) in new[] { (SecureCertTlv.TypeCaCert, claimCreds.CertificatePem), (SecureCertTlv.TypeDeviceCert, claimCreds.CertificatePem), (SecureCertTlv.TypePrivateKey, claimCreds.PrivateKeyPem) })
            {
                byte[] data = [.. text, 0];
                Assert.Equal(TlvStatus.Success, writer.Add(type, 0, 0, data, 0, data.Length));
            }

            return image;
        }

        private static string FindPartitionsCsv()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string path = Path.Combine(dir.FullName, "partitions.csv");
                if (File.Exists(path) && File.Exists(Path.Combine(dir.FullName, "nf.sln"))) return path;
            }

            throw new InvalidOperationException("partitions.csv not found above " + AppContext.BaseDirectory);
        }
    }
}
