using NanoFleet.Hal;
using nanoFramework.TestFramework;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>The JITP boot path: connect, the first close expected, full-jitter retries, the long delay, operational.</summary>
    [TestClass]
    public class JitpMachineTests
    {
        [TestMethod]
        public void FirstCloseThenRetry_HappyPath()
        {
            var machine = new JitpMachine(1000, 8000, 3, 60000, new SequenceRandom());
            Assert.AreEqual((int)JitpAction.Connect, (int)machine.Start());
            Assert.AreEqual((int)ProvisioningStep.ConnectingAsThing, (int)machine.Step);

            Assert.AreEqual((int)JitpAction.Wait, (int)machine.ConnectFinished(MqttConnectResult.NetworkError));
            Assert.AreEqual(JitpMachine.FirstConnectionClosed, machine.Failure);
            Assert.AreEqual(1000, machine.DelayMilliseconds); // the highest jitter of the first retry: the base
            Assert.AreEqual((int)ProvisioningStep.BackingOff, (int)machine.Step);

            Assert.AreEqual((int)JitpAction.Connect, (int)machine.WaitOver());
            Assert.AreEqual((int)JitpAction.Operational, (int)machine.ConnectFinished(MqttConnectResult.Success));
            Assert.AreEqual((int)ProvisioningStep.Operational, (int)machine.Step);
            Assert.AreEqual(1, machine.Failures);
            Assert.AreEqual("", machine.Failure);
        }

        [TestMethod]
        public void LaterFailures_BackOffExponentiallyThenLong()
        {
            var random = new SequenceRandom();
            var machine = new JitpMachine(1000, 8000, 3, 60000, random);
            machine.Start();
            int[] expected = { 1000, 2000, 4000 };
            for (int i = 0; i < expected.Length; i++)
            {
                machine.ConnectFinished(MqttConnectResult.CredentialsRejected);
                Assert.AreEqual(expected[i], machine.DelayMilliseconds);
                machine.WaitOver();
            }

            Assert.AreEqual(JitpMachine.ConnectFailed, machine.Failure);
            machine.ConnectFinished(MqttConnectResult.NetworkError); // the fourth in a row: past maxAttempts
            Assert.AreEqual(60000, machine.DelayMilliseconds);
            random.Lowest = true;
            machine.WaitOver();
            machine.ConnectFinished(MqttConnectResult.NetworkError);
            Assert.AreEqual(30000, machine.DelayMilliseconds);
        }

        [TestMethod]
        public void EventsOutOfStep_DoNothing()
        {
            var machine = new JitpMachine(1000, 8000, 3, 60000, new SequenceRandom());
            Assert.AreEqual((int)JitpAction.None, (int)machine.WaitOver());
            Assert.AreEqual((int)JitpAction.None, (int)machine.ConnectFinished(MqttConnectResult.Success));
            machine.Start();
            Assert.AreEqual((int)JitpAction.None, (int)machine.Start());
            Assert.AreEqual((int)JitpAction.None, (int)machine.WaitOver());
            Assert.AreEqual((int)ProvisioningStep.ConnectingAsThing, (int)machine.Step);
        }

        [TestMethod]
        public void Constructor_BadParams()
        {
            Assert.ThrowsException(typeof(System.ArgumentException), () => new JitpMachine(0, 8000, 3, 60000, new SequenceRandom()));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new JitpMachine(1000, 500, 3, 60000, new SequenceRandom()));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new JitpMachine(1000, 8000, 0, 60000, new SequenceRandom()));
        }
    }
}
