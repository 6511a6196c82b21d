using nanoFramework.TestFramework;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>
    /// A claim holder can publish a forged create accepted response carrying a key pair of their
    /// own. The device takes a certificate only when it carries the device's key; anything else is a
    /// malformed response: retried, never registered, never persisted, and logged without key material.
    /// </summary>
    [TestClass]
    public class ProvisioningMachineKeyCheckTests
    {
        [TestMethod]
        public void ForgedKeyPair_KeysPath_IsRetriedAndTheGenuineCertificateIsKept()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted),
                TestPayloads.CreateAccepted(9, TestPayloads.Certificate(9, false), TestPayloads.RsaPrivateKey(8)));

            AssertRetriedWithoutKeyMaterial(h, 9, TestPayloads.RsaPrivateKey(8));
            h.ExpireTimer();
            Assert.AreEqual("$aws/certificates/create/json", h.Find(ProvisioningActionKind.Publish)!.Topic!);

            h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted), TestPayloads.CreateAccepted(2, true));
            h.GrantSubscriptions();
            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Accepted), TestPayloads.RegisterAccepted("thing-2"));
            DeviceCredentials record = h.Find(ProvisioningActionKind.Persist)!.DeviceCredentials!;
            Assert.AreEqual(TestPayloads.CertificateId(2), record.CertificateId);
            Assert.AreEqual(TestPayloads.RsaPrivateKey(2), TestBytes.TextOf(record.PrivateKeyPem));
        }

        [TestMethod]
        public void ForgedCertificate_CsrPath_IsRetriedWithTheSameCsr()
        {
            var h = new MachineHarness(true);
            h.ToRequestingCertificate();
            byte[] csrRequest = Copy(h.Find(ProvisioningActionKind.Publish)!);
            // Issued for someone else's key (RSA, seed 9), not for the CSR's.
            h.Receive(h.Topic(FpApi.CreateCertificateFromCsr, FpApiTopic.Accepted), TestPayloads.CreateAccepted(9, TestPayloads.Certificate(9, false), null));

            AssertRetriedWithoutKeyMaterial(h, 9, TestPayloads.Csr);
            h.ExpireTimer();
            Assert.AreEqual(0, h.CountOf(ProvisioningActionKind.CreateCsr));
            CollectionAssert.AreEqual(csrRequest, Copy(h.Find(ProvisioningActionKind.Publish)!));

            h.Receive(h.Topic(FpApi.CreateCertificateFromCsr, FpApiTopic.Accepted), TestPayloads.CreateAccepted(2, false));
            h.GrantSubscriptions();
            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Accepted), TestPayloads.RegisterAccepted("thing-2"));
            Assert.AreEqual(TestPayloads.CertificateId(2), h.Find(ProvisioningActionKind.Persist)!.DeviceCredentials!.CertificateId);
        }

        [TestMethod]
        public void UnparsableCertificate_IsRetried()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted),
                TestPayloads.CreateAccepted(4, TestPayloads.Pem("CERTIFICATE", 4), TestPayloads.RsaPrivateKey(4)));
            AssertRetriedWithoutKeyMaterial(h, 4, TestPayloads.RsaPrivateKey(4));
        }

        [TestMethod]
        public void ForgedResponsesEveryTime_EndInTheLongBackoffWithoutACertificate()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            for (int i = 0; i < h.Options.MaxAttempts; i++)
            {
                h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted),
                    TestPayloads.CreateAccepted(9, TestPayloads.Certificate(9, false), TestPayloads.RsaPrivateKey(8)));
                Assert.IsFalse(h.Machine.HoldsCertificate);
                if (i < h.Options.MaxAttempts - 1)
                {
                    h.ExpireTimer();
                }
            }

            Assert.IsTrue(h.Logged("RequestingCertificateRetriesExhausted"));
            Assert.AreEqual(1, h.CountOf(ProvisioningActionKind.Disconnect));
        }

        private static void AssertRetriedWithoutKeyMaterial(MachineHarness h, int certificate, string keyOrCsr)
        {
            Assert.IsTrue(h.Logged("RequestingCertificateTransientFailure"));
            Assert.IsFalse(h.Machine.HoldsCertificate);
            Assert.AreEqual((int)ProvisioningStep.BackingOff, (int)h.Machine.Step);
            Assert.AreEqual(0, h.CountOf(ProvisioningActionKind.Subscribe));
            Assert.AreEqual(0, h.CountOf(ProvisioningActionKind.Persist));

            string log = h.Find(ProvisioningActionKind.Log)!.Detail;
            Assert.Contains("malformed accepted response: certificate " + TestPayloads.CertificateId(certificate), log);
            string keyBody = keyOrCsr.Substring(keyOrCsr.IndexOf('\n') + 1, 16);
            for (int i = 0; i < h.Rendered.Count; i++)
            {
                string text = (string)h.Rendered[i]!;
                Assert.DoesNotContains(keyBody, text);
                Assert.DoesNotContains("PRIVATE KEY", text);
                Assert.DoesNotContains(TestPayloads.Token(certificate), text);
            }
        }

        private static byte[] Copy(ProvisioningAction publish)
        {
            byte[] copy = new byte[publish.PayloadCount];
            System.Array.Copy(publish.Payload!, copy, copy.Length);
            return copy;
        }
    }
}
