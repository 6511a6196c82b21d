using NanoFleet.Hal;
using NanoFleet.Provisioning.Storage;
using nanoFramework.TestFramework;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>The happy paths: boot as the thing, provision with CreateKeysAndCertificate and with a CSR.</summary>
    [TestClass]
    public class ProvisioningMachineFlowTests
    {
        [TestMethod]
        public void Boot_WithoutRecord_ConnectsWithClaim()
        {
            var h = new MachineHarness(false);
            h.Send(ProvisioningEvent.Boot(null));

            Assert.AreEqual((int)ProvisioningStep.ConnectingWithClaim, (int)h.Machine.Step);
            ProvisioningAction connect = h.Find(ProvisioningActionKind.Connect)!;
            Assert.AreSame(h.Claim.CertificatePem, connect.Credentials!.CertificatePem);
            Assert.AreEqual("nanofleet-" + MachineHarness.Mac, connect.Credentials.ClientId);
            Assert.AreEqual(10000, h.Find(ProvisioningActionKind.StartTimer)!.DelayMilliseconds);
            Assert.AreEqual((int)ProvisioningStep.ConnectingWithClaim, (int)h.Find(ProvisioningActionKind.StepChanged)!.Step);
        }

        [TestMethod]
        public void Boot_WithCompleteRecord_ConnectsAsThingAndBecomesOperational()
        {
            var h = new MachineHarness(false);
            DeviceCredentials stored = StoredRecord();
            h.Send(ProvisioningEvent.Boot(stored));
            ProvisioningAction connect = h.Find(ProvisioningActionKind.Connect)!;
            Assert.AreSame(stored.CertificatePem, connect.Credentials!.CertificatePem);
            Assert.AreEqual("thing-1", connect.Credentials.ClientId);

            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
            Assert.AreEqual((int)ProvisioningStep.Operational, (int)h.Machine.Step);
            Assert.AreEqual("thing-1", h.Find(ProvisioningActionKind.BecameOperational)!.Text);
            Assert.AreEqual(0, h.CountOf(ProvisioningActionKind.Subscribe));
        }

        [TestMethod]
        public void Boot_WithIncompleteRecord_ProvisionsWithClaim()
        {
            var h = new MachineHarness(false);
            DeviceCredentials stored = StoredRecord();
            stored.ThingName = "";
            h.Send(ProvisioningEvent.Boot(stored));
            Assert.AreEqual((int)ProvisioningStep.ConnectingWithClaim, (int)h.Machine.Step);
        }

        [TestMethod]
        public void CreateKeys_WaitsForBothSubacksBeforePublishing()
        {
            var h = new MachineHarness(false);
            h.Send(ProvisioningEvent.Boot(null));
            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
            Assert.AreEqual(2, h.CountOf(ProvisioningActionKind.Subscribe));
            Assert.AreEqual(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted), h.Find(ProvisioningActionKind.Subscribe, 0)!.Topic!);
            Assert.AreEqual(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Rejected), h.Find(ProvisioningActionKind.Subscribe, 1)!.Topic!);

            h.Send(ProvisioningEvent.SubscribeAcknowledged(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Rejected), true));
            Assert.AreEqual(0, h.CountOf(ProvisioningActionKind.Publish));
            h.Send(ProvisioningEvent.SubscribeAcknowledged(h.Topic(FpApi.CreateKeysAndCertificate, FpApiTopic.Accepted), true));
            ProvisioningAction publish = h.Find(ProvisioningActionKind.Publish)!;
            Assert.AreEqual("$aws/certificates/create/json", publish.Topic!);
            Assert.AreEqual("{}", TestPayloads.Text(publish.Payload!, publish.PayloadCount));
        }

        [TestMethod]
        public void CreateKeys_HappyPath_PersistsCompleteRecordThenReboots()
        {
            var h = new MachineHarness(false);
            h.ToRegisteringThing();
            ProvisioningAction publish = h.Find(ProvisioningActionKind.Publish)!;
            Assert.AreEqual("$aws/provisioning-templates/fleet-tpl/provision/json", publish.Topic!);
            string request = TestPayloads.Text(publish.Payload!, publish.PayloadCount);
            Assert.Contains("\"certificateOwnershipToken\":\"" + TestPayloads.Token(1) + "\"", request);
            Assert.Contains("\"SerialNumber\":\"SN-0001\"", request);
            Assert.Contains("\"MacAddress\":\"" + MachineHarness.Mac + "\"", request);

            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Accepted), TestPayloads.RegisterAccepted("thing-42"));
            ProvisioningAction persist = h.Find(ProvisioningActionKind.Persist)!;
            DeviceCredentials record = persist.DeviceCredentials!;
            Assert.IsTrue(record.IsComplete);
            Assert.AreEqual("thing-42", record.ThingName);
            Assert.AreEqual(TestPayloads.CertificateId(1), record.CertificateId);
            Assert.AreEqual(TestPayloads.RsaPrivateKey(1), TestBytes.TextOf(record.PrivateKeyPem));
            Assert.AreEqual(TestPayloads.Certificate(1, false), TestBytes.TextOf(record.CertificatePem));
            Assert.AreEqual("blue", record.DeviceConfiguration.Get("Fleet")!);
            Assert.AreEqual(MachineHarness.Template, record.TemplateName);

            h.Send(ProvisioningEvent.PersistCompleted(StoreStatus.Success));
            Assert.AreEqual(1, h.CountOf(ProvisioningActionKind.Disconnect));
            Assert.AreEqual(1, h.CountOf(ProvisioningActionKind.Reboot));
            Assert.AreEqual((int)ProvisioningStep.Rebooting, (int)h.Machine.Step);
        }

        [TestMethod]
        public void Csr_HappyPath_UsesCreateFromCsrAndKeepsTheLocalKey()
        {
            var h = new MachineHarness(true);
            h.Send(ProvisioningEvent.Boot(null));
            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
            Assert.AreEqual("$aws/certificates/create-from-csr/json/accepted", h.Find(ProvisioningActionKind.Subscribe, 0)!.Topic!);
            h.GrantSubscriptions();
            ProvisioningAction csr = h.Find(ProvisioningActionKind.CreateCsr)!;
            Assert.AreEqual("nanofleet-" + MachineHarness.Mac, csr.Text);

            h.Send(ProvisioningEvent.CsrCreated(TestBytes.Utf8Of(TestPayloads.Csr), TestBytes.Utf8Of("CSR-KEY-SECRET")));
            ProvisioningAction publish = h.Find(ProvisioningActionKind.Publish)!;
            Assert.AreEqual("$aws/certificates/create-from-csr/json", publish.Topic!);
            Assert.Contains("certificateSigningRequest", TestPayloads.Text(publish.Payload!, publish.PayloadCount));

            h.Receive(h.Topic(FpApi.CreateCertificateFromCsr, FpApiTopic.Accepted), TestPayloads.CreateAccepted(2, false));
            h.GrantSubscriptions();
            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Accepted), TestPayloads.RegisterAccepted("thing-csr"));
            Assert.AreEqual("CSR-KEY-SECRET", TestBytes.TextOf(h.Find(ProvisioningActionKind.Persist)!.DeviceCredentials!.PrivateKeyPem));
        }

        [TestMethod]
        public void RegisterAcceptedWithoutThingName_NeverPersists()
        {
            var h = new MachineHarness(false);
            h.ToRegisteringThing();
            h.Receive(h.Topic(FpApi.RegisterThing, FpApiTopic.Accepted), TestPayloads.Ascii("{\"thingName\":\"\"}"));
            Assert.AreEqual(0, h.CountOf(ProvisioningActionKind.Persist));
            // Either the reader refuses the empty name (malformed: transient) or the machine does (permanent).
            Assert.IsTrue(h.Logged("RegisteringThingPermanentFailure") || h.Logged("RegisteringThingTransientFailure"));
            Assert.AreEqual((int)ProvisioningStep.BackingOff, (int)h.Machine.Step);
        }

        [TestMethod]
        public void MacParameterName_IsConfigurable()
        {
            var h = new MachineHarness(MachineHarness.DefaultOptions().WithMacParameterName("DeviceMac"), false);
            h.ToRegisteringThing();
            ProvisioningAction publish = h.Find(ProvisioningActionKind.Publish)!;
            Assert.Contains("\"DeviceMac\":\"" + MachineHarness.Mac + "\"", TestPayloads.Text(publish.Payload!, publish.PayloadCount));
        }

        [TestMethod]
        public void Cbor_HappyPath_UsesCborTopics()
        {
            var h = new MachineHarness(MachineHarness.DefaultOptions().WithFormat(FpFormat.Cbor), false);
            h.ToRequestingCertificate();
            Assert.AreEqual("$aws/certificates/create/cbor", h.Find(ProvisioningActionKind.Publish)!.Topic!);
        }

        internal static DeviceCredentials StoredRecord()
        {
            return new DeviceCredentials
            {
                CertificateId = TestPayloads.CertificateId(7),
                CertificatePem = TestBytes.Utf8Of(TestPayloads.Pem("CERTIFICATE", 7)),
                PrivateKeyPem = TestBytes.Utf8Of("STORED-KEY-SECRET"),
                ThingName = "thing-1",
                TemplateName = MachineHarness.Template,
            };
        }
    }
}
