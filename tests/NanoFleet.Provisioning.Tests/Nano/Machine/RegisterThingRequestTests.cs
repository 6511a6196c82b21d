using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Json;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>
    /// The RegisterThing request is composed when the certificate arrives, with the ownership token
    /// copied straight from the response: these tests pin what that means for the bytes sent, the
    /// parameters and the wiping of the token (a quoted token is withheld: see
    /// ProvisioningMachineFailureTests.Secrets_NeverInLogsOrActionText), and that a quoted claim key is withheld too.
    /// </summary>
    [TestClass]
    public class RegisterThingRequestTests
    {
        [TestMethod]
        public void EscapedToken_IsForwardedAsSent_AndDecodesToTheSameText()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            // The service may escape any character; the request must carry the same text.
            string escapedToken = "tok\\/en\\u0041\\\"q";
            h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted), TestPayloads.Ascii(
                "{\"certificateId\":\"" + TestPayloads.CertificateId(3) + "\",\"certificatePem\":\"" + TestPayloads.Escape(TestPayloads.Certificate(3, false))
                + "\",\"privateKey\":\"" + TestPayloads.Escape(TestPayloads.RsaPrivateKey(3)) + "\",\"certificateOwnershipToken\":\"" + escapedToken + "\"}"));
            h.GrantSubscriptions();

            ProvisioningAction publish = h.Find(ProvisioningActionKind.Publish)!;
            string request = TestPayloads.Text(publish.Payload!, publish.PayloadCount);
            Assert.AreEqual("{\"certificateOwnershipToken\":\"" + escapedToken + "\",\"parameters\":{\"SerialNumber\":\"SN-0001\",\"MacAddress\":\"" + MachineHarness.Mac + "\"}}", request);
            var reader = new JsonReader(publish.Payload!, 0, publish.PayloadCount, 4);
            Assert.IsTrue(reader.Read() && reader.Read() && reader.Read());
            Assert.IsTrue(reader.TryGetString(out string token));
            Assert.AreEqual("tok/enA\"q", token);
        }

        [TestMethod]
        public void ConfiguredMacParameter_ReplacesAFactoryParameterOfTheSameName()
        {
            var claim = MachineHarness.NewClaim();
            claim.Parameters.Set("MacAddress", "factory-written");
            var h = new MachineHarness(new ProvisioningOptionsBuilder().WithClaimDefaults(claim), false);
            h.ToRegisteringThing();
            string request = TestPayloads.Text(h.Find(ProvisioningActionKind.Publish)!.Payload!, h.Find(ProvisioningActionKind.Publish)!.PayloadCount);
            Assert.Contains("\"parameters\":{\"SerialNumber\":\"SN-0001\",\"MacAddress\":\"" + MachineHarness.Mac + "\"}}", request);
            Assert.DoesNotContains("factory-written", request);
        }

        [TestMethod]
        public void Token_IsWipedOnceTheThingIsRegistered()
        {
            var h = new MachineHarness(false);
            h.ToRegisteringThing();
            byte[] request = h.Find(ProvisioningActionKind.Publish)!.Payload!;
            Assert.Contains(TestPayloads.Token(1), TestPayloads.Text(request, request.Length));

            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Accepted), TestPayloads.RegisterAccepted("thing-42"));
            Assert.IsNotNull(h.Find(ProvisioningActionKind.Persist));
            AssertZeroed(request);
        }

        [TestMethod]
        public void Token_IsWipedWhenTheCertificateIsGivenUp()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted), TestPayloads.CreateAccepted(1, true));
            h.GrantSubscriptions();
            byte[] request = h.Find(ProvisioningActionKind.Publish)!.Payload!;
            h.ExpireTimer(); // no answer: back off
            h.Now += ProvisioningOptions.OwnershipTokenLifetimeMilliseconds;
            h.ExpireTimer(); // retry finds the token too old and starts over
            Assert.IsTrue(h.Logged("RegisteringThingTokenExpiring"));
            AssertZeroed(request);
        }

        [TestMethod]
        public void RetriedRegisterThing_ResendsTheSameRequest()
        {
            var h = new MachineHarness(false);
            h.ToRegisteringThing();
            ProvisioningAction first = h.Find(ProvisioningActionKind.Publish)!;
            byte[] sent = first.Payload!;
            string text = TestPayloads.Text(sent, first.PayloadCount);
            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Rejected), TestPayloads.Rejected(500, "InternalFailure", "try again"));
            h.ExpireTimer();
            ProvisioningAction again = h.Find(ProvisioningActionKind.Publish)!;
            Assert.AreSame(sent, again.Payload);
            Assert.AreEqual(text, TestPayloads.Text(again.Payload!, again.PayloadCount));
        }

        [TestMethod]
        public void RejectionQuotingTheClaimKey_IsWithheldFromTheLog()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Rejected),
                TestPayloads.Rejected(400, "InvalidRequest", "bad key CLAIM-KEY-SECRET here"));
            AssertNoLogContains(h, "CLAIM-KEY-SECRET");
            AssertSomeLogContains(h, "withheld");
        }

        private static void AssertZeroed(byte[] bytes)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                Assert.AreEqual(0, (int)bytes[i], "byte " + i + " of the spent request");
            }
        }

        private static void AssertNoLogContains(MachineHarness h, string text)
        {
            for (int i = 0; i < h.Logs.Count; i++)
            {
                Assert.DoesNotContains(text, (string)h.Logs[i]!);
            }
        }

        private static void AssertSomeLogContains(MachineHarness h, string text)
        {
            bool found = false;
            for (int i = 0; i < h.Logs.Count && !found; i++)
            {
                found = ((string)h.Logs[i]!).IndexOf(text) >= 0;
            }

            Assert.IsTrue(found, "no log line contains '" + text + "'");
        }
    }
}
