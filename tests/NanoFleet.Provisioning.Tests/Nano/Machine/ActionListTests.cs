using NanoFleet.Hal;
using nanoFramework.TestFramework;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>The caller-owned action list reuses its actions; events and actions render without secrets. (Growth past the
    /// initial capacity needs the internal Add: Host/Machine/ActionListGrowthTests.)</summary>
    [TestClass]
    public class ActionListTests
    {
        [TestMethod]
        public void Clear_ReusesTheSameActionObjects()
        {
            var h = new MachineHarness(false);
            h.Send(ProvisioningEvent.Boot(null));
            ProvisioningAction first = h.Actions[0];
            int count = h.Actions.Count;
            h.Send(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
            Assert.AreSame(first, h.Actions[0]);
            Assert.IsTrue(h.Actions.Count >= count);
        }

        [TestMethod]
        public void ToString_ShowsNoSecret()
        {
            ProvisioningEvent csr = ProvisioningEvent.CsrCreated(TestBytes.Utf8Of("-----BEGIN CERTIFICATE REQUEST-----"), TestBytes.Utf8Of("CSR-KEY-SECRET"));
            Assert.DoesNotContains("SECRET", csr.ToString());
            Assert.AreEqual("CsrCreated", csr.ToString());

            var h = new MachineHarness(false);
            h.Send(ProvisioningEvent.Boot(null));
            ProvisioningAction connect = h.Find(ProvisioningActionKind.Connect)!;
            Assert.DoesNotContains("CLAIM-KEY-SECRET", connect.ToString());
            Assert.Contains("iot.example.test", connect.ToString());
        }
    }
}
