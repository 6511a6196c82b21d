using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Provisioning.Tests.Nano.Storage
{
    [TestClass]
    public class DeviceCredentialStoreTests
    {
        private const int PartitionSize = 0x4000; // nf_creds in partitions.csv: two 8 KB slots
        private RamFlashRegion _region = new RamFlashRegion("nf_creds", PartitionSize);
        private RecordingLog _log = new RecordingLog();
        private DeviceCredentialStore _store = null!;

        [Setup]
        public void Setup()
        {
            _region = new RamFlashRegion("nf_creds", PartitionSize);
            _region.EncryptedWriteBlock = 32; // nf_creds is flagged encrypted: whole 32-byte blocks onto erased flash only
            _log = new RecordingLog();
            _store = new DeviceCredentialStore(_region, _log);
        }

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
            Assert.AreEqual((int)StoreStatus.NotFound, (int)_store.Load(new DeviceCredentials()));
            Assert.IsFalse(_log.Has(DeviceCredentialStore.EventSlotCorrupt, ""), "empty slots are not corrupt");
        }

        [TestMethod]
        public void SaveLoad_HappyPath_KeepsEveryField()
        {
            var saved = Sample("thing-1");
            Assert.AreEqual((int)StoreStatus.Success, (int)_store.Save(saved));
            var loaded = new DeviceCredentials();
            Assert.AreEqual((int)StoreStatus.Success, (int)new DeviceCredentialStore(_region, _log).Load(loaded));
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
            _store.Save(Sample("one"));
            _store.Save(Sample("two"));
            _store.Save(Sample("three"));
            // From blank, A and B are erased in full (two 4 KB sectors each); the third save finds a
            // committed record in A that ends inside its first sector, so A's blank second sector stays.
            Assert.AreEqual(5, _region.Erases);
            Assert.AreEqual((byte)0x4E, _region.Data[0]);      // slot A holds sequence 3
            Assert.AreEqual((byte)3, _region.Data[8]);
            Assert.AreEqual((byte)2, _region.Data[0x2000 + 8]); // slot B holds sequence 2
            var loaded = new DeviceCredentials();
            _store.Load(loaded);
            Assert.AreEqual("three", loaded.ThingName);
        }

        [TestMethod]
        public void Load_CorruptNewest_FallsBackAndReportsSlotAndReason()
        {
            _store.Save(Sample("old"));
            _store.Save(Sample("new"));          // slot B
            _region.Data[0x2000 + 96 + 8] ^= 0x01; // flip a bit in B's body, which starts after the header and two marker blocks
            var loaded = new DeviceCredentials();
            Assert.AreEqual((int)StoreStatus.Success, (int)_store.Load(loaded));
            Assert.AreEqual("old", loaded.ThingName);
            Assert.IsTrue(_log.Has(DeviceCredentialStore.EventSlotCorrupt, "slot B: body CRC mismatch"), _log.All());
        }

        [TestMethod]
        public void Load_TwoBadSlots_IsNotFound()
        {
            _store.Save(Sample("a"));
            _store.Save(Sample("b"));
            _region.Data[1] = 0x00;           // A: bad magic
            _region.Data[0x2000 + 9] ^= 0x10; // B: header CRC
            Assert.AreEqual((int)StoreStatus.NotFound, (int)_store.Load(new DeviceCredentials()));
            Assert.IsTrue(_log.Has(DeviceCredentialStore.EventSlotCorrupt, "slot A: bad magic"), _log.All());
            Assert.IsTrue(_log.Has(DeviceCredentialStore.EventSlotCorrupt, "slot B: header CRC mismatch"), _log.All());
        }

        [TestMethod]
        public void MarkBad_ThenLoad_IsNotFound_EvenWithAnOlderRecord()
        {
            _store.Save(Sample("old"));
            _store.Save(Sample("new"));
            int erases = _region.Erases;
            Assert.AreEqual((int)StoreStatus.Success, (int)_store.MarkBad());
            Assert.AreEqual(erases, _region.Erases); // marking programs one 32-byte block, erases nothing
            Assert.AreEqual((int)StoreStatus.NotFound, (int)_store.Load(new DeviceCredentials()));
            Assert.AreEqual((int)StoreStatus.NotFound, (int)_store.MarkBad());
        }

        [TestMethod]
        public void Save_AfterMarkBad_IsTheNewRecord()
        {
            _store.Save(Sample("old"));
            _store.MarkBad();
            Assert.AreEqual((int)StoreStatus.Success, (int)_store.Save(Sample("again")));
            var loaded = new DeviceCredentials();
            Assert.AreEqual((int)StoreStatus.Success, (int)_store.Load(loaded));
            Assert.AreEqual("again", loaded.ThingName);
        }

        [TestMethod]
        public void MarkBad_TornMarkerA_TakesMarkerB()
        {
            _store.Save(Sample("current"));
            _region.Data[32] = 0x46;              // a cut left marker A's first byte programmed: not erased, not a marker
            Assert.AreEqual((int)StoreStatus.Success, (int)_store.Load(new DeviceCredentials()));
            Assert.AreEqual((int)StoreStatus.Success, (int)_store.MarkBad());
            Assert.AreEqual((byte)0x46, _region.Data[64]); // marker B
            Assert.AreEqual((int)StoreStatus.NotFound, (int)_store.Load(new DeviceCredentials()));
        }

        [TestMethod]
        public void Save_RecordSpanningBothSectors_ErasesBothNextTime()
        {
            var big = Sample("big");
            big.CertificatePem = TestBytes.Filled(5000, (byte)'C');
            Assert.AreEqual((int)StoreStatus.Success, (int)_store.Save(big)); // A
            Assert.AreEqual((int)StoreStatus.Success, (int)_store.Save(Sample("b"))); // B
            int erases = _region.Erases;
            Assert.AreEqual((int)StoreStatus.Success, (int)_store.Save(Sample("a2"))); // A again: its second sector was written
            Assert.AreEqual(erases + 2, _region.Erases);
            var loaded = new DeviceCredentials();
            Assert.AreEqual((int)StoreStatus.Success, (int)_store.Load(loaded));
            Assert.AreEqual("a2", loaded.ThingName);
        }

        [TestMethod]
        public void MarkBad_Blank_IsNotFound()
        {
            Assert.AreEqual((int)StoreStatus.NotFound, (int)_store.MarkBad());
        }

        [TestMethod]
        public void Save_Incomplete_WritesNothing()
        {
            var c = Sample("x");
            c.CertificateId = "short";
            Assert.AreEqual((int)StoreStatus.Incomplete, (int)_store.Save(c));
            Assert.AreEqual(0, _region.Erases + _region.Writes);
        }

        [TestMethod]
        public void Save_TooLarge_WritesNothing()
        {
            var c = Sample("x");
            c.CertificatePem = TestBytes.Filled(_store.Capacity, (byte)'A');
            Assert.AreEqual((int)StoreStatus.TooLarge, (int)_store.Save(c));
            Assert.AreEqual(0, _region.Erases + _region.Writes);
        }

        [TestMethod]
        public void Capacity_TakesATypicalAwsRecord()
        {
            // CreateKeysAndCertificate returns an RSA-2048 key (~1.7 KB PEM) and certificate (~1.2 KB PEM).
            var c = Sample("x");
            c.CertificatePem = TestBytes.Filled(1300, (byte)'C');
            c.PrivateKeyPem = TestBytes.Filled(1700, (byte)'K');
            Assert.AreEqual((int)StoreStatus.Success, (int)_store.Save(c));
            Assert.IsTrue(_store.Capacity >= 8000);
        }

        [TestMethod]
        public void Log_NeverHoldsTheKey()
        {
            _store.Save(Sample("secret-check"));
            _store.Load(new DeviceCredentials());
            _store.MarkBad();
            Assert.DoesNotContains("PRIVATE KEY", _log.All());
            Assert.DoesNotContains("MIIE", _log.All());
        }
    }
}
