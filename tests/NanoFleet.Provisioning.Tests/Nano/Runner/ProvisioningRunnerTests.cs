using System;
using System.Collections;
using System.Threading;
using NanoFleet.Hal;
using nanoFramework.TestFramework;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>The runner over an in-process fake cloud session: first boot, second boot, CSR, Stop, misuse.</summary>
    [TestClass]
    public class ProvisioningRunnerTests
    {
        private FakeCloudSession _session = new FakeCloudSession();
        private MemoryCredentialStore _store = new MemoryCredentialStore();
        private CountingRebooter _rebooter = new CountingRebooter();
        private ListLogSink _log = new ListLogSink();

        [Setup]
        public void Setup()
        {
            _session = new FakeCloudSession();
            _store = new MemoryCredentialStore();
            _rebooter = new CountingRebooter();
            _log = new ListLogSink();
        }

        [TestMethod]
        public void Run_FirstBoot_ProvisionsPersistsAndRequestsReboot()
        {
            ProvisioningRunner runner = NewRunner(null, MachineHarness.DefaultOptions());
            var steps = new ArrayList();
            runner.StepChanged += (sender, e) => steps.Add(e.StepName);

            RunResult result = runner.Run();

            Assert.AreEqual((int)RunOutcome.RebootRequested, (int)result.Outcome);
            Assert.AreEqual(1, _rebooter.Count);
            Assert.AreEqual("thing-fake", _store.Record!.ThingName);
            Assert.AreEqual(TestPayloads.CertificateId(3), _store.Record.CertificateId);
            Assert.AreEqual("thing-fake", result.ThingName);
            string[] expected = { "ConnectingWithClaim", "SubscribingCreate", "RequestingCertificate", "SubscribingRegister", "RegisteringThing", "Persisting", "Rebooting" };
            Assert.AreEqual(expected.Length, steps.Count);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], (string)steps[i]!);
            }

            Assert.IsFalse(_session.IsConnected);
            AssertNoSecretsLogged();
        }

        [TestMethod]
        public void Run_AfterReboot_GoesOperationalAsTheThing()
        {
            NewRunner(null, MachineHarness.DefaultOptions()).Run();

            ProvisioningRunner second = NewRunner(null, MachineHarness.DefaultOptions());
            string operationalThing = "";
            second.BecameOperational += (sender, e) => operationalThing = e.ThingName;
            RunResult result = second.Run();

            Assert.AreEqual((int)RunOutcome.Operational, (int)result.Outcome);
            Assert.AreEqual("thing-fake", operationalThing);
            Assert.AreEqual("thing-fake", _session.LastCredentials!.ClientId);
            Assert.IsTrue(_session.IsConnected); // handed to the application connected
            Assert.AreEqual(1, _rebooter.Count);
        }

        [TestMethod]
        public void Run_DeviceCertificateRejected_MarksBadAndProvisionsAgain()
        {
            NewRunner(null, MachineHarness.DefaultOptions().WithBackoff(1, 2, 5)).Run();
            _session.QueueConnectResult(MqttConnectResult.CredentialsRejected);
            _session.QueueConnectResult(MqttConnectResult.CredentialsRejected);
            _session.QueueConnectResult(MqttConnectResult.CredentialsRejected);
            _session.ThingName = "thing-second";

            RunResult result = NewRunner(null, MachineHarness.DefaultOptions().WithBackoff(1, 2, 5)).Run();

            Assert.AreEqual((int)RunOutcome.RebootRequested, (int)result.Outcome);
            Assert.AreEqual("thing-second", _store.Record!.ThingName);
            Assert.AreEqual(2, _rebooter.Count);
        }

        [TestMethod]
        public void Run_WithCsrSource_UsesCreateFromCsr()
        {
            var csr = new FixedCsrSource();
            RunResult result = NewRunner(csr, MachineHarness.DefaultOptions()).Run();

            Assert.AreEqual((int)RunOutcome.RebootRequested, (int)result.Outcome);
            Assert.AreEqual(1, csr.Calls);
            Assert.AreEqual("$aws/certificates/create-from-csr/json", (string)_session.Published[0]!);
            Assert.AreEqual("CSR-KEY-SECRET", TestBytes.TextOf(_store.Record!.PrivateKeyPem));
            AssertNoSecretsLogged();
        }

        [TestMethod]
        public void Stop_FromAnotherThread_ReturnsStopped()
        {
            _session.AlwaysFailConnect = true;
            ProvisioningRunner runner = NewRunner(null, MachineHarness.DefaultOptions().WithBackoff(5, 20, 1000));
            var stopper = new Thread(() =>
            {
                Thread.Sleep(100);
                runner.Stop();
            });
            stopper.Start();

            RunResult result = runner.Run();

            Assert.AreEqual((int)RunOutcome.Stopped, (int)result.Outcome);
            Assert.IsNull(result.Credentials);
            Assert.IsNull(_store.Record);
            Assert.IsTrue(_log.Lines.Count > 1); // it kept retrying until stopped
        }

        [TestMethod]
        public void Run_HalThrows_IsATransientFailureNotACrash()
        {
            _session.ThrowingPublishes = 1;
            ProvisioningRunner runner = NewRunner(null, MachineHarness.DefaultOptions().WithBackoff(1, 2, 5));
            string failure = "";
            runner.StepChanged += (sender, e) =>
            {
                if (e.Step == ProvisioningStep.BackingOff) failure = e.Failure;
            };

            RunResult result = runner.Run();

            Assert.AreEqual((int)RunOutcome.RebootRequested, (int)result.Outcome);
            Assert.AreEqual("RequestingCertificateTransientFailure", failure);
            bool logged = false;
            for (int i = 0; i < _log.Lines.Count; i++)
            {
                string line = (string)_log.Lines[i]!;
                if (line.StartsWith("HalCallFailed: ")) logged = true;
                Assert.DoesNotContains("socket closed", line); // the HAL's message is not logged, only its type
            }

            Assert.IsTrue(logged);
        }

        [TestMethod]
        public void Stop_WhileWaitingForTheService_ClosesTheSession()
        {
            _session.Silent = true;
            ProvisioningRunner runner = NewRunner(null, MachineHarness.DefaultOptions().WithStepTimeout(60000));
            runner.StepChanged += (sender, e) =>
            {
                if (e.Step == ProvisioningStep.RequestingCertificate)
                {
                    new Thread(() =>
                    {
                        Thread.Sleep(50);
                        runner.Stop();
                    }).Start();
                }
            };

            RunResult result = runner.Run();

            Assert.AreEqual((int)RunOutcome.Stopped, (int)result.Outcome);
            Assert.AreEqual((int)ProvisioningStep.RequestingCertificate, (int)result.LastStep);
            Assert.IsFalse(_session.IsConnected);
        }

        [TestMethod]
        public void Run_Twice_Throws()
        {
            ProvisioningRunner runner = NewRunner(null, MachineHarness.DefaultOptions());
            runner.Run();
            Assert.ThrowsException(typeof(InvalidOperationException), () => runner.Run());
        }

        private ProvisioningRunner NewRunner(ICsrSource? csr, ProvisioningOptionsBuilder options) =>
            new ProvisioningRunner(_session, new UtcClock(), new SequenceRandom(), new FixedIdentity(), _rebooter, _log, _store, csr,
                MachineHarness.NewClaim(), options.Build());

        private void AssertNoSecretsLogged()
        {
            for (int i = 0; i < _log.Lines.Count; i++)
            {
                string line = (string)_log.Lines[i]!;
                Assert.DoesNotContains("PRIVATE KEY", line);
                Assert.DoesNotContains("SECRET", line);
            }
        }
    }
}
