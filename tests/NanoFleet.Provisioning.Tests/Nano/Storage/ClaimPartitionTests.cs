using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Provisioning.Tests.Nano.Storage
{
    [TestClass]
    public class ClaimPartitionTests
    {
        // Placeholder PEM bodies: the reader checks structure, not cryptography (the station checks that).
        private const string Ca = "-----BEGIN CERTIFICATE-----\nQ0E=\n-----END CERTIFICATE-----\n";
        private const string Cert = "-----BEGIN CERTIFICATE-----\nQ0xBSU0=\n-----END CERTIFICATE-----\n";
        private const string Key = "-----BEGIN PRIVATE KEY-----\nS0VZ\n-----END PRIVATE KEY-----\n";

        [TestMethod]
        public void Read_HappyPath()
        {
            var region = ClaimRegion(true, 0);
            var claim = new ProvisioningClaim();
            string error;
            Assert.AreEqual((int)FpStatus.Success, (int)ClaimPartition.Read(region, claim, out error), error);
            Assert.AreEqual(Ca, NanoFleet.Provisioning.Tests.TestBytes.TextOf(claim.CaPem));
            Assert.AreEqual(Cert, NanoFleet.Provisioning.Tests.TestBytes.TextOf(claim.CertificatePem));
            Assert.AreEqual(Key, NanoFleet.Provisioning.Tests.TestBytes.TextOf(claim.PrivateKeyPem));
            Assert.AreEqual("emu.local", claim.EndpointHost);
            Assert.AreEqual(18883, claim.EndpointPort);
            Assert.AreEqual("fleet-tpl", claim.TemplateName);
            Assert.AreEqual((int)FpFormat.Cbor, (int)claim.Format);
            Assert.AreEqual("SN-1", claim.Parameters.Get("SerialNumber") ?? "<missing>");
        }

        [TestMethod]
        public void Read_ErasedPartition_IsNoMatch()
        {
            string error;
            Assert.AreEqual((int)FpStatus.NoMatch, (int)ClaimPartition.Read(new RamFlashRegion("esp_secure_cert", 0x2000), new ProvisioningClaim(), out error));
            Assert.Contains("erased", error);
        }

        [TestMethod]
        public void Read_BadMagic_IsRejected()
        {
            var region = ClaimRegion(true, 0);
            region.Data[0] = 0x12;
            string error;
            Assert.AreEqual((int)FpStatus.BadParameter, (int)ClaimPartition.Read(region, new ProvisioningClaim(), out error));
            Assert.Contains("found 0xBA5EBA12, expected magic 0xBA5EBA11", error);
        }

        [TestMethod]
        public void Read_BadCrcInTheKey_IsRejected_WithoutKeyBytes()
        {
            var region = ClaimRegion(true, 0);
            int keyAt = SecureCertTlv.RecordSize(Ca.Length + 1) + SecureCertTlv.RecordSize(Cert.Length + 1);
            region.Data[keyAt + 12 + 30] ^= 0x20;
            string error;
            Assert.AreEqual((int)FpStatus.BadParameter, (int)ClaimPartition.Read(region, new ProvisioningClaim(), out error));
            Assert.Contains("PRIV_KEY record at offset " + keyAt + " has a bad CRC", error);
            Assert.DoesNotContains("S0VZ", error);
        }

        [TestMethod]
        public void Read_TruncatedImage_IsRejected()
        {
            var full = ClaimRegion(true, 0);
            var shortImage = new byte[200];
            System.Array.Copy(full.Data, 0, shortImage, 0, 200);
            string error;
            Assert.AreEqual((int)FpStatus.BadParameter, (int)ClaimPartition.Parse(shortImage, 0, 200, new ProvisioningClaim(), out error));
            Assert.Contains("PRIV_KEY record at offset 160 needs 80 bytes but the image ends after 40", error);
        }

        [TestMethod]
        public void Read_MissingConfig_IsRejected()
        {
            string error;
            Assert.AreEqual((int)FpStatus.BadParameter, (int)ClaimPartition.Read(ClaimRegion(false, 0), new ProvisioningClaim(), out error));
            Assert.Contains("no NanoFleet config (USER_DATA_1, type 51) record", error);
        }

        [TestMethod]
        public void Read_EncryptedKeyFlags_AreRejected()
        {
            string error;
            Assert.AreEqual((int)FpStatus.BadParameter, (int)ClaimPartition.Read(ClaimRegion(true, SecureCertTlv.FlagHmacEncrypted), new ProvisioningClaim(), out error));
            Assert.Contains("flags 0x80", error);
        }

        [TestMethod]
        public void Config_RoundTrip_WithEscapesAndUnicode()
        {
            var claim = new ProvisioningClaim { EndpointHost = "a1-ats.iot.eu-west-1.amazonaws.com", EndpointPort = 8883, TemplateName = "T_1-x" };
            claim.Parameters.Set("SerialNumber", "line1\nline2\\end\r");
            claim.Parameters.Set("Site", "Z\u00fcrich \u2603 \ud83d\ude80");
            byte[]? data;
            string error;
            Assert.AreEqual((int)FpStatus.Success, (int)ClaimConfigCodec.Encode(claim, out data, out error), error);
            var back = new ProvisioningClaim();
            Assert.AreEqual((int)FpStatus.Success, (int)ClaimConfigCodec.Decode(data!, 0, data!.Length, back, out error), error);
            Assert.AreEqual(claim.EndpointHost, back.EndpointHost);
            Assert.AreEqual(claim.TemplateName, back.TemplateName);
            Assert.AreEqual((int)FpFormat.Json, (int)back.Format);
            Assert.AreEqual("line1\nline2\\end\r", back.Parameters.Get("SerialNumber") ?? "<missing>");
            Assert.AreEqual("Z\u00fcrich \u2603 \ud83d\ude80", back.Parameters.Get("Site") ?? "<missing>");
        }

        [TestMethod]
        [DataRow("nanofleet-claim/2\nhost=h\ntemplate=t\n", "starts with")]
        [DataRow("nanofleet-claim/1\nhost=h\n", "template name '' is not")]
        [DataRow("nanofleet-claim/1\nhost=h\ntemplate=t\nformat=xml\n", "format 'xml' is neither")]
        [DataRow("nanofleet-claim/1\nhost=h\ntemplate=t\nport=70000\n", "port '70000' is not")]
        [DataRow("nanofleet-claim/1\nhost=h\ntemplate=t\nparam.x=a\\tb\n", "bad escape")]
        [DataRow("nanofleet-claim/1\nhost=h\ntemplate=a/b\n", "template name 'a/b'")]
        [DataRow("nanofleet-claim/1\ntemplate=t\n", "endpoint host '' is empty")]
        [DataRow("nanofleet-claim/1\nnonsense\n", "line 2 is not key=value")]
        public void Config_Rejects(string text, string expected)
        {
            byte[] data = TestBytes.Ascii(text);
            string error;
            Assert.AreEqual((int)FpStatus.BadParameter, (int)ClaimConfigCodec.Decode(data, 0, data.Length, new ProvisioningClaim(), out error));
            Assert.Contains(expected, error);
        }

        [TestMethod]
        public void Config_RejectsInvalidUtf8()
        {
            byte[] data = TestBytes.Ascii("nanofleet-claim/1\nhost=h\ntemplate=t\nparam.x=\u00ff\n");
            data[data.Length - 2] = 0xC0;
            string error;
            Assert.AreEqual((int)FpStatus.BadParameter, (int)ClaimConfigCodec.Decode(data, 0, data.Length, new ProvisioningClaim(), out error));
            Assert.Contains("not valid UTF-8", error);
        }

        [TestMethod]
        public void TemplateNames()
        {
            Assert.IsTrue(ClaimConfigCodec.IsValidTemplateName("a"));
            Assert.IsTrue(ClaimConfigCodec.IsValidTemplateName("abcdefghij_ABCDEFGHIJ-0123456789_xyz"));
            Assert.IsFalse(ClaimConfigCodec.IsValidTemplateName("abcdefghij_ABCDEFGHIJ-0123456789_xyz1"));
            Assert.IsFalse(ClaimConfigCodec.IsValidTemplateName(""));
            Assert.IsFalse(ClaimConfigCodec.IsValidTemplateName("a b"));
        }

        private static RamFlashRegion ClaimRegion(bool withConfig, byte keyFlags)
        {
            var region = new RamFlashRegion("esp_secure_cert", 0x2000);
            var writer = new SecureCertTlvWriter(region.Data, 0, region.Size);
            Add(writer, SecureCertTlv.TypeCaCert, 0, TestBytes.AsciiWithNul(Ca));
            Add(writer, SecureCertTlv.TypeDeviceCert, 0, TestBytes.AsciiWithNul(Cert));
            Add(writer, SecureCertTlv.TypePrivateKey, keyFlags, TestBytes.AsciiWithNul(Key));
            if (withConfig)
            {
                var claim = new ProvisioningClaim { EndpointHost = "emu.local", EndpointPort = 18883, TemplateName = "fleet-tpl", Format = FpFormat.Cbor };
                claim.Parameters.Set("SerialNumber", "SN-1");
                byte[]? config;
                string error;
                ClaimConfigCodec.Encode(claim, out config, out error);
                Add(writer, SecureCertTlv.TypeUserData1, 0, config!);
            }

            return region;
        }

        private static void Add(SecureCertTlvWriter writer, byte type, byte flags, byte[] data) =>
            Assert.AreEqual((int)TlvStatus.Success, (int)writer.Add(type, 0, flags, data, 0, data.Length));
    }
}
