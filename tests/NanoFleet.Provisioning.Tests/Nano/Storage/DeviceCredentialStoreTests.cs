using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Provisioning.Tests.Nano.Storage
{
    [TestClass]
    public class DeviceCredentialStoreTests
    {
        private const int PartitionSize = 0x4000; // nf_creds in partitions.csv: two 8 KB slots
        internal static DeviceCredentials Sample(string thing)
        {
            var c = new DeviceCredentials
            {
                CertificateId = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                CertificatePem = NanoFleet.Provisioning.Tests.TestBytes.Utf8Of("-----BEGIN CERTIFICATE-----\nMIIB" + thing + "\n-----END CERTIFICATE-----\n"),
                PrivateKeyPem = NanoFleet.Provisioning.Tests.TestBytes.Utf8Of("-----BEGIN RSA PRIVATE KEY-----\nMIIE" + thing + "\n-----END RSA PRIVATE KEY-----\n"),
                ThingName = thing,
                TemplateName = "fleet-tpl",
                ProvisionedAtUnixSeconds = 1764150000,
            };
            c.DeviceConfiguration.Set("Fallback", "ota.example.com");
            c.DeviceConfiguration.Set("Gr\u00fc\u00dfe", "\u2603\ud83d\ude80");
            return c;
        }

        [TestMethod]
        public void Load_Blank_IsNotFound()
        {
            var f = new StoreFixture();
            Assert.AreEqual((int)StoreStatus.NotFound, (int)f.Store.Load(new DeviceCredentials()));
            Assert.IsFalse(f.Log.Has(DeviceCredentialStore.EventSlotCorrupt, ""), "empty slots are not corrupt");
        }

        [TestMethod]
        public void SaveLoad_HappyPath_KeepsEveryField()
        {
            var f = new StoreFixture();
            var saved = Sample("thing-1");
            Assert.AreEqual((int)StoreStatus.Success, (int)f.Store.Save(saved));
            var loaded = new DeviceCredentials();
            Assert.AreEqual((int)StoreStatus.Success, (int)new DeviceCredentialStore(f.Region, f.Log).Load(loaded));
            Assert.AreEqual(saved.CertificateId, loaded.CertificateId);
            CollectionAssert.AreEqual(saved.CertificatePem, loaded.CertificatePem);
            CollectionAssert.AreEqual(saved.PrivateKeyPem, loaded.PrivateKeyPem);
            Assert.AreEqual("thing-1", loaded.ThingName);
            Assert.AreEqual("fleet-tpl", loaded.TemplateName);
            Assert.AreEqual(1764150000L, loaded.ProvisionedAtUnixSeconds);
            Assert.AreEqual(2, loaded.DeviceConfiguration.Count);
            Assert.AreEqual("\u2603\ud83d\ude80", loaded.DeviceConfiguration.Get("Gr\u00fc\u00dfe") ?? "<missing>");
        }

        [TestMethod]
        public void Save_AlternatesSlots_AndNewestWins()
        {
            var f = new StoreFixture();
            f.Store.Save(Sample("one"));
            f.Store.Save(Sample("two"));
            f.Store.Save(Sample("three"));
            // From blank, A and B are erased in full (two 4 KB sectors each); the third save finds a
            // committed record in A that ends inside its first sector, so A's blank second sector stays.
            Assert.AreEqual(5, f.Region.Erases);
            Assert.AreEqual((byte)0x4E, f.Region.Data[0]);      // slot A holds sequence 3
            Assert.AreEqual((byte)3, f.Region.Data[8]);
            Assert.AreEqual((byte)2, f.Region.Data[0x2000 + 8]); // slot B holds sequence 2
            var loaded = new DeviceCredentials();
            f.Store.Load(loaded);
            Assert.AreEqual("three", loaded.ThingName);
        }

        [TestMethod]
        public void Load_CorruptNewest_FallsBackAndReportsSlotAndReason()
        {
            var f = new StoreFixture();
            f.Store.Save(Sample("old"));
            f.Store.Save(Sample("new"));          // slot B
            f.Region.Data[0x2000 + 96 + 8] ^= 0x01; // flip a bit in B's body, which starts after the header and two marker blocks
            var loaded = new DeviceCredentials();
            Assert.AreEqual((int)StoreStatus.Success, (int)f.Store.Load(loaded));
            Assert.AreEqual("old", loaded.ThingName);
            Assert.IsTrue(f.Log.Has(DeviceCredentialStore.EventSlotCorrupt, "slot B: body CRC mismatch"), f.Log.All());
        }

        [TestMethod]
        public void Load_TwoBadSlots_IsNotFound()
        {
            var f = new StoreFixture();
            f.Store.Save(Sample("a"));
            f.Store.Save(Sample("b"));
            f.Region.Data[1] = 0x00;           // A: bad magic
            f.Region.Data[0x2000 + 9] ^= 0x10; // B: header CRC
            Assert.AreEqual((int)StoreStatus.NotFound, (int)f.Store.Load(new DeviceCredentials()));
            Assert.IsTrue(f.Log.Has(DeviceCredentialStore.EventSlotCorrupt, "slot A: bad magic"), f.Log.All());
            Assert.IsTrue(f.Log.Has(DeviceCredentialStore.EventSlotCorrupt, "slot B: header CRC mismatch"), f.Log.All());
        }

        [TestMethod]
        public void MarkBad_ThenLoad_IsNotFound_EvenWithAnOlderRecord()
        {
            var f = new StoreFixture();
            f.Store.Save(Sample("old"));
            f.Store.Save(Sample("new"));
            int erases = f.Region.Erases;
            Assert.AreEqual((int)StoreStatus.Success, (int)f.Store.MarkBad());
            Assert.AreEqual(erases, f.Region.Erases); // marking programs one 32-byte block, erases nothing
            Assert.AreEqual((int)StoreStatus.NotFound, (int)f.Store.Load(new DeviceCredentials()));
            Assert.AreEqual((int)StoreStatus.NotFound, (int)f.Store.MarkBad());
        }

        [TestMethod]
        public void Save_AfterMarkBad_IsTheNewRecord()
        {
            var f = new StoreFixture();
            f.Store.Save(Sample("old"));
            f.Store.MarkBad();
            Assert.AreEqual((int)StoreStatus.Success, (int)f.Store.Save(Sample("again")));
            var loaded = new DeviceCredentials();
            Assert.AreEqual((int)StoreStatus.Success, (int)f.Store.Load(loaded));
            Assert.AreEqual("again", loaded.ThingName);
        }

        [TestMethod]
        public void MarkBad_TornMarkerA_TakesMarkerB()
        {
            var f = new StoreFixture();
            f.Store.Save(Sample("current"));
            f.Region.Data[32] = 0x46;              // a cut left marker A's first byte programmed: not erased, not a marker
            Assert.AreEqual((int)StoreStatus.Success, (int)f.Store.Load(new DeviceCredentials()));
            Assert.AreEqual((int)StoreStatus.Success, (int)f.Store.MarkBad());
            Assert.AreEqual((byte)0x46, f.Region.Data[64]); // marker B
            Assert.AreEqual((int)StoreStatus.NotFound, (int)f.Store.Load(new DeviceCredentials()));
        }

        [TestMethod]
        public void Save_RecordSpanningBothSectors_ErasesBothNextTime()
        {
            var f = new StoreFixture();
            var big = Sample("big");
            big.CertificatePem = TestBytes.Filled(5000, (byte)'C');
            Assert.AreEqual((int)StoreStatus.Success, (int)f.Store.Save(big)); // A
            Assert.AreEqual((int)StoreStatus.Success, (int)f.Store.Save(Sample("b"))); // B
            int erases = f.Region.Erases;
            Assert.AreEqual((int)StoreStatus.Success, (int)f.Store.Save(Sample("a2"))); // A again: its second sector was written
            Assert.AreEqual(erases + 2, f.Region.Erases);
            var loaded = new DeviceCredentials();
            Assert.AreEqual((int)StoreStatus.Success, (int)f.Store.Load(loaded));
            Assert.AreEqual("a2", loaded.ThingName);
        }

        [TestMethod]
        public void MarkBad_Blank_IsNotFound()
        {
            var f = new StoreFixture();
            Assert.AreEqual((int)StoreStatus.NotFound, (int)f.Store.MarkBad());
        }

        [TestMethod]
        public void Save_Incomplete_WritesNothing()
        {
            var f = new StoreFixture();
            var c = Sample("x");
            c.CertificateId = "short";
            Assert.AreEqual((int)StoreStatus.Incomplete, (int)f.Store.Save(c));
            Assert.AreEqual(0, f.Region.Erases + f.Region.Writes);
        }

        [TestMethod]
        public void Save_TooLarge_WritesNothing()
        {
            var f = new StoreFixture();
            var c = Sample("x");
            c.CertificatePem = TestBytes.Filled(f.Store.Capacity, (byte)'A');
            Assert.AreEqual((int)StoreStatus.TooLarge, (int)f.Store.Save(c));
            Assert.AreEqual(0, f.Region.Erases + f.Region.Writes);
        }

        [TestMethod]
        public void Capacity_TakesATypicalAwsRecord()
        {
            var f = new StoreFixture();
            // CreateKeysAndCertificate returns an RSA-2048 key (~1.7 KB PEM) and certificate (~1.2 KB PEM).
            var c = Sample("x");
            c.CertificatePem = TestBytes.Filled(1300, (byte)'C');
            c.PrivateKeyPem = TestBytes.Filled(1700, (byte)'K');
            Assert.AreEqual((int)StoreStatus.Success, (int)f.Store.Save(c));
            Assert.IsTrue(f.Store.Capacity >= 8000);
        }

        [TestMethod]
        public void Log_NeverHoldsTheKey()
        {
            var f = new StoreFixture();
            f.Store.Save(Sample("secret-check"));
            f.Store.Load(new DeviceCredentials());
            f.Store.MarkBad();
            Assert.DoesNotContains("PRIVATE KEY", f.Log.All());
            Assert.DoesNotContains("MIIE", f.Log.All());
        }

        /// <summary>
        /// One test's flash, log and store. The nano launcher runs [Setup] once per class and
        /// invokes tests without an instance, so each test makes its own instead of sharing fields.
        /// </summary>
        private sealed class StoreFixture
        {
            public readonly RamFlashRegion Region = new RamFlashRegion("nf_creds", PartitionSize);
            public readonly RecordingLog Log = new RecordingLog();
            public readonly DeviceCredentialStore Store;

            public StoreFixture()
            {
                Region.EncryptedWriteBlock = 32; // nf_creds is flagged encrypted: whole 32-byte blocks onto erased flash only
                Store = new DeviceCredentialStore(Region, Log);
            }
        }
    }
}
