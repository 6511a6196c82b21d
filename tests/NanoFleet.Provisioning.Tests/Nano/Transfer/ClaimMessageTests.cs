using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Provisioning.Transfer;

namespace NanoFleet.Provisioning.Tests.Nano.Transfer
{
    [TestClass]
    public class ClaimMessageTests
    {
        [TestMethod]
        public void Write_ThenRead_HappyPath()
        {
            TemporaryClaim sent = Sample("127.0.0.1:18883");
            var buffer = new byte[TransferFrame.MaxFrameLength];
            int written;
            Assert.AreEqual((int)TransferStatus.Success, (int)ClaimMessage.Write(buffer, 0, buffer.Length, 3, sent, out written));
            var frame = new TransferFrame();
            int consumed;
            Assert.AreEqual((int)TransferStatus.Success, (int)TransferFrameReader.Read(buffer, 0, written, frame, out consumed));
            var got = new TemporaryClaim();
            string error;
            Assert.AreEqual((int)TransferStatus.Success, (int)ClaimMessage.Read(frame, got, out error));
            CollectionAssert.AreEqual(sent.CertificatePem, got.CertificatePem);
            CollectionAssert.AreEqual(sent.PrivateKeyPem, got.PrivateKeyPem);
            Assert.AreEqual("fleet-tpl", got.TemplateName);
            Assert.AreEqual(1764864300L, got.ExpiresUnixSeconds);
            Assert.AreEqual("127.0.0.1:18883", got.Endpoint);
        }

        [TestMethod]
        public void Read_WithoutEndpoint_KeepsThePartitionsEndpoint()
        {
            TemporaryClaim got = RoundTrip(Sample(""));
            Assert.AreEqual("", got.Endpoint);
            var claim = new ProvisioningClaim { EndpointHost = "iot.example", EndpointPort = 8883 };
            Assert.AreEqual((int)TransferStatus.Success, (int)got.ApplyTo(claim));
            Assert.AreEqual("iot.example", claim.EndpointHost);
            Assert.AreEqual("fleet-tpl", claim.TemplateName);
            Assert.IsTrue(claim.HasClaimCertificate);
        }

        [TestMethod]
        public void Read_MissingField_IsBadPayloadNamingIt()
        {
            var buffer = new byte[256];
            var w = new TransferFrameWriter(buffer, 0, buffer.Length);
            w.Begin(TransferMessages.Claim, 1);
            w.AddText(TransferFields.CertificatePem, "-----BEGIN CERTIFICATE-----");
            int written;
            w.Finish(out written);
            var frame = new TransferFrame();
            int consumed;
            TransferFrameReader.Read(buffer, 0, written, frame, out consumed);
            string error;
            Assert.AreEqual((int)TransferStatus.BadPayload, (int)ClaimMessage.Read(frame, new TemporaryClaim(), out error));
            Assert.AreEqual("no claim private key", error);
        }

        [TestMethod]
        public void ApplyTo_BadEndpoint_IsBadParameter()
        {
            TemporaryClaim claim = Sample("no-port");
            Assert.AreEqual((int)TransferStatus.BadParameter, (int)claim.ApplyTo(new ProvisioningClaim()));
        }

        [TestMethod]
        public void Wipe_ZeroesCertificateAndKey()
        {
            TemporaryClaim claim = Sample("");
            byte[] key = claim.PrivateKeyPem;
            claim.Wipe();
            for (int i = 0; i < key.Length; i++) Assert.AreEqual((byte)0, key[i]);
            for (int i = 0; i < claim.CertificatePem.Length; i++) Assert.AreEqual((byte)0, claim.CertificatePem[i]);
        }

        private static TemporaryClaim RoundTrip(TemporaryClaim sent)
        {
            var buffer = new byte[TransferFrame.MaxFrameLength];
            int written, consumed;
            ClaimMessage.Write(buffer, 0, buffer.Length, 3, sent, out written);
            var frame = new TransferFrame();
            TransferFrameReader.Read(buffer, 0, written, frame, out consumed);
            var got = new TemporaryClaim();
            string error;
            ClaimMessage.Read(frame, got, out error);
            return got;
        }

        private static TemporaryClaim Sample(string endpoint)
        {
            return new TemporaryClaim
            {
                CertificatePem = Storage.TestBytes.Ascii("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"),
                PrivateKeyPem = Storage.TestBytes.Ascii("-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n"),
                TemplateName = "fleet-tpl",
                ExpiresUnixSeconds = 1764864300L,
                Endpoint = endpoint,
            };
        }
    }
}
