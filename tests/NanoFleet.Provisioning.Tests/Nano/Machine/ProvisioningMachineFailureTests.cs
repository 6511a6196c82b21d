using NanoFleet.Hal;
using NanoFleet.Provisioning.Storage;
using nanoFramework.TestFramework;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>Timeouts, backoff bounds, failure classes, token age, credential rejection, stale and duplicate input.</summary>
    [TestClass]
    public class ProvisioningMachineFailureTests
    {
        [TestMethod]
        public void ResponseTimeout_RetriesSameRequestAfterJitteredBackoff()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            h.ExpireTimer();
            Assert.IsTrue(h.Logged("RequestingCertificateTransientFailure"));
            Assert.AreEqual((int)ProvisioningStep.BackingOff, (int)h.Machine.Step);
            Assert.AreEqual(1000, h.Find(ProvisioningActionKind.StartTimer)!.DelayMilliseconds); // random gives the ceiling: base
            Assert.AreEqual(1001, h.Random.LastMaxExclusive);

            h.ExpireTimer();
            Assert.AreEqual(0, h.CountOf(ProvisioningActionKind.Subscribe)); // still subscribed on the same session
            Assert.AreEqual("$aws/certificates/create/json", h.Find(ProvisioningActionKind.Publish)!.Topic!);
        }

        [TestMethod]
        public void TransientFailures_DoubleTheCeilingUpToCapThenLongBackoff()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            int[] expected = { 1000, 2000, 4000 };
            for (int i = 0; i < expected.Length; i++)
            {
                h.ExpireTimer(); // response timeout
                Assert.AreEqual(expected[i], h.Find(ProvisioningActionKind.StartTimer)!.DelayMilliseconds);
                Assert.AreEqual(i + 1, h.Machine.Attempts);
                h.ExpireTimer(); // backoff over: publish again
                Assert.AreEqual(1, h.CountOf(ProvisioningActionKind.Publish));
            }

            h.ExpireTimer(); // 4th failure = MaxAttempts: long backoff, session dropped
            Assert.IsTrue(h.Logged("RequestingCertificateRetriesExhausted"));
            Assert.AreEqual(600000, h.Find(ProvisioningActionKind.StartTimer)!.DelayMilliseconds);
            Assert.AreEqual(1, h.CountOf(ProvisioningActionKind.Disconnect));
            Assert.AreEqual(0, h.Machine.Attempts);

            h.ExpireTimer();
            Assert.AreEqual((int)ProvisioningStep.ConnectingWithClaim, (int)h.Machine.Step);
        }

        [TestMethod]
        public void LongBackoff_StaysWithinHalfToFullLimit()
        {
            var random = new SequenceRandom();
            Assert.AreEqual(600000, Backoff.Long(600000, random));
            random.Lowest = true;
            Assert.AreEqual(300000, Backoff.Long(600000, random));
        }

        [TestMethod]
        public void ThrottledAndServerErrors_AreTransient()
        {
            var h = new MachineHarness(false);
            h.ToRegisteringThing();
            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Rejected), TestPayloads.Rejected(429, "ThrottlingException", "Rate exceeded"));
            Assert.IsTrue(h.Logged("RegisteringThingTransientFailure"));
            Assert.IsTrue(h.Machine.HoldsCertificate);
            h.ExpireTimer();
            Assert.AreEqual(1, h.CountOf(ProvisioningActionKind.Publish));
            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Rejected), TestPayloads.Rejected(503, "ServiceUnavailable", "try later"));
            Assert.AreEqual(2, h.Machine.Attempts);
        }

        [TestMethod]
        public void InvalidToken_RestartsFromCreate()
        {
            var h = new MachineHarness(false);
            h.ToRegisteringThing();
            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Rejected), TestPayloads.Rejected(400, "InvalidCertificateOwnershipToken", "Certificate ownership token cannot be empty."));
            Assert.IsTrue(h.Logged("RegisteringThingTokenInvalid"));
            Assert.IsFalse(h.Machine.HoldsCertificate);
            h.ExpireTimer();
            Assert.AreEqual("$aws/certificates/create/json", h.Find(ProvisioningActionKind.Publish)!.Topic!);
        }

        [TestMethod]
        public void AccessDenied_IsPermanent()
        {
            var h = new MachineHarness(false);
            h.ToRegisteringThing();
            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Rejected), TestPayloads.Rejected(403, "ACCESS_DENIED", "hook refused"));
            Assert.IsTrue(h.Logged("RegisteringThingPermanentFailure"));
            int delay = h.Find(ProvisioningActionKind.StartTimer)!.DelayMilliseconds;
            Assert.IsTrue(delay >= 300000 && delay <= 600000);
            Assert.AreEqual(1, h.CountOf(ProvisioningActionKind.Disconnect));
        }

        [TestMethod]
        public void UnknownTemplate_IsPermanentAtCreateToo()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Rejected), TestPayloads.Rejected(404, "ResourceNotFoundException", "no such template"));
            Assert.IsTrue(h.Logged("RequestingCertificatePermanentFailure"));
        }

        [TestMethod]
        public void RefusedSubscription_IsPermanent()
        {
            var h = new MachineHarness(false);
            h.Send(ProvisioningEvent.Boot(null));
            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
            h.Send(ProvisioningEvent.SubscribeAcknowledged(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted), false));
            Assert.IsTrue(h.Logged("SubscribingCreatePermanentFailure"));
            Assert.AreEqual(0, h.CountOf(ProvisioningActionKind.Publish));
        }

        [TestMethod]
        public void TokenNearExpiry_IsNeverSentAndCreateRestarts()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted), TestPayloads.CreateAccepted(1, true));
            h.Now += ProvisioningOptions.OwnershipTokenLifetimeMilliseconds - 300000; // exactly at the margin
            h.GrantSubscriptions();
            Assert.IsTrue(h.Logged("RegisteringThingTokenExpiring"));
            Assert.AreEqual("$aws/certificates/create/json", h.Find(ProvisioningActionKind.Publish)!.Topic!);
        }

        [TestMethod]
        public void TokenJustInsideMargin_IsSent()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted), TestPayloads.CreateAccepted(1, true));
            h.Now += ProvisioningOptions.OwnershipTokenLifetimeMilliseconds - 300001;
            h.GrantSubscriptions();
            Assert.AreEqual("$aws/provisioning-templates/fleet-tpl/provision/json", h.Find(ProvisioningActionKind.Publish)!.Topic!);
        }

        [TestMethod]
        public void ConnectionLostWhileRegistering_ReconnectsAndResumesAtRegister()
        {
            var h = new MachineHarness(false);
            h.ToRegisteringThing();
            h.Send(ProvisioningEvent.ConnectionLost("peer reset"));
            Assert.IsTrue(h.Logged("RegisteringThingTransientFailure"));
            h.ExpireTimer();
            Assert.AreEqual((int)ProvisioningStep.ConnectingWithClaim, (int)h.Machine.Step);
            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
            Assert.AreEqual(h.Topic(FpApi.RegisterThing, FpApiTopic.Accepted), h.Find(ProvisioningActionKind.Subscribe)!.Topic!);
        }

        [TestMethod]
        public void StaleAndDuplicateResponses_AreIgnoredAndLogged()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            h.ExpireTimer(); // timed out: backing off
            h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted), TestPayloads.CreateAccepted(1, true));
            Assert.IsTrue(h.Logged("StaleResponseIgnored"));
            Assert.AreEqual(1, h.Actions.Count); // only the log
            Assert.IsFalse(h.Machine.HoldsCertificate);

            h.ExpireTimer();
            h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted), TestPayloads.CreateAccepted(2, true));
            h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted), TestPayloads.CreateAccepted(2, true));
            Assert.IsTrue(h.Logged("DuplicateResponseIgnored"));
            Assert.AreEqual(1, h.Actions.Count);
        }

        [TestMethod]
        public void StaleTimer_IsIgnored()
        {
            var h = new MachineHarness(false);
            h.Send(ProvisioningEvent.Boot(null));
            int old = h.Machine.CurrentTimerId;
            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
            h.Send(ProvisioningEvent.TimerExpired(old));
            Assert.AreEqual(0, h.Actions.Count);
        }

        [TestMethod]
        public void MalformedAccepted_IsTransient()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted), TestPayloads.Ascii("{\"certificateId\":\"ab"));
            Assert.IsTrue(h.Logged("RequestingCertificateTransientFailure"));
            Assert.IsFalse(h.Machine.HoldsCertificate);
        }

        [TestMethod]
        public void WrongLengthCertificateId_IsNeverPersisted()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            h.Receive(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted),
                TestPayloads.Ascii("{\"certificateId\":\"abc\",\"certificatePem\":\"" + TestPayloads.Escape(TestPayloads.Certificate(1, false))
                    + "\",\"privateKey\":\"" + TestPayloads.Escape(TestPayloads.RsaPrivateKey(1)) + "\",\"certificateOwnershipToken\":\"T\"}"));
            h.GrantSubscriptions();
            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Accepted), TestPayloads.RegisterAccepted("thing-1"));
            Assert.AreEqual(0, h.CountOf(ProvisioningActionKind.Persist));
            Assert.IsTrue(h.Logged("RegisteringThingPermanentFailure"));
        }

        [TestMethod]
        public void UnexpectedTopic_IsIgnored()
        {
            var h = new MachineHarness(false);
            h.ToRequestingCertificate();
            h.Receive("$aws/things/other/shadow/update", TestPayloads.Ascii("{}"));
            Assert.IsTrue(h.Logged("UnexpectedMessageIgnored"));
            Assert.AreEqual(1, h.Actions.Count);
        }

        [TestMethod]
        public void CredentialsRejectedNTimes_MarksBadAndProvisionsWithClaim()
        {
            var h = new MachineHarness(false);
            h.Send(ProvisioningEvent.Boot(ProvisioningMachineFlowTests.StoredRecord()));
            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.CredentialsRejected));
            h.ExpireTimer();
            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.NetworkError)); // does not count
            h.ExpireTimer();
            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.CredentialsRejected));
            Assert.AreEqual(2, h.Machine.CredentialsRejectedCount);
            h.ExpireTimer();
            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.CredentialsRejected));

            Assert.AreEqual(1, h.CountOf(ProvisioningActionKind.MarkCredentialsBad));
            Assert.IsTrue(h.Logged("DeviceCredentialsMarkedBad"));
            ProvisioningAction connect = h.Find(ProvisioningActionKind.Connect)!;
            Assert.AreSame(h.Claim.CertificatePem, connect.Credentials!.CertificatePem);
            Assert.AreEqual((int)ProvisioningStep.ConnectingWithClaim, (int)h.Machine.Step);
        }

        [TestMethod]
        public void CredentialsRejected_CountResetsOnSuccess()
        {
            var h = new MachineHarness(false);
            h.Send(ProvisioningEvent.Boot(ProvisioningMachineFlowTests.StoredRecord()));
            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.CredentialsRejected));
            h.ExpireTimer();
            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
            Assert.AreEqual(0, h.Machine.CredentialsRejectedCount);
            Assert.AreEqual((int)ProvisioningStep.Operational, (int)h.Machine.Step);
        }

        [TestMethod]
        public void ClaimRejected_IsPermanent()
        {
            var h = new MachineHarness(false);
            h.Send(ProvisioningEvent.Boot(null));
            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.CredentialsRejected));
            Assert.IsTrue(h.Logged("ConnectingWithClaimPermanentFailure"));
        }

        [TestMethod]
        public void PersistError_RetriesPersistWithoutTheCloud()
        {
            var h = new MachineHarness(false);
            h.ToRegisteringThing();
            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Accepted), TestPayloads.RegisterAccepted("thing-9"));
            h.Send(ProvisioningEvent.PersistCompleted(StoreStatus.Error));
            Assert.IsTrue(h.Logged("PersistingTransientFailure"));
            h.Send(ProvisioningEvent.ConnectionLost("gone"));
            h.ExpireTimer();
            Assert.AreEqual("thing-9", h.Find(ProvisioningActionKind.Persist)!.DeviceCredentials!.ThingName);
            Assert.AreEqual(0, h.CountOf(ProvisioningActionKind.Connect));
        }

        [TestMethod]
        public void Secrets_NeverInLogsOrActionText()
        {
            var h = new MachineHarness(false);
            h.ToRegisteringThing();
            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Rejected), TestPayloads.Rejected(400, "InvalidParameters", "bad token " + TestPayloads.Token(1)));
            h.ExpireTimer();
            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
            h.GrantSubscriptions();
            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Accepted), TestPayloads.RegisterAccepted("thing-5"));
            h.Send(ProvisioningEvent.PersistCompleted(StoreStatus.Success));
            Assert.IsTrue(h.Logged("RegisteringThingPermanentFailure"));
            for (int i = 0; i < h.Rendered.Count; i++)
            {
                string text = (string)h.Rendered[i]!;
                Assert.DoesNotContains(TestPayloads.Token(1), text);
                Assert.DoesNotContains("PRIVATE KEY", text);
                Assert.DoesNotContains("CLAIM-KEY-SECRET", text);
            }
        }
    }
}
