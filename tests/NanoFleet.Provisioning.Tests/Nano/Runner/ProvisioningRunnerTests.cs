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
        [TestMethod]
        public void Run_FirstBoot_ProvisionsPersistsAndRequestsReboot()
        {
            var f = new RunnerFixture();
            ProvisioningRunner runner = f.NewRunner(null, MachineHarness.DefaultOptions());
            var steps = new ArrayList();
            runner.StepChanged += (sender, e) => steps.Add(e.StepName);

            RunResult result = runner.Run();

            Assert.AreEqual((int)RunOutcome.RebootRequested, (int)result.Outcome);
            Assert.AreEqual(1, f.Rebooter.Count);
            Assert.AreEqual("thing-fake", f.Store.Record!.ThingName);
            Assert.AreEqual(TestPayloads.CertificateId(3), f.Store.Record.CertificateId);
            Assert.AreEqual("thing-fake", result.ThingName);
            string[] expected = { "ConnectingWithClaim", "SubscribingCreate", "RequestingCertificate", "SubscribingRegister", "RegisteringThing", "Persisting", "Rebooting" };
            Assert.AreEqual(expected.Length, steps.Count);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], (string)steps[i]!);
            }

            Assert.IsFalse(f.Session.IsConnected);
            f.AssertNoSecretsLogged();
        }

        [TestMethod]
        public void Run_AfterReboot_GoesOperationalAsTheThing()
        {
            var f = new RunnerFixture();
            f.NewRunner(null, MachineHarness.DefaultOptions()).Run();

            ProvisioningRunner second = f.NewRunner(null, MachineHarness.DefaultOptions());
            string operationalThing = "";
            second.BecameOperational += (sender, e) => operationalThing = e.ThingName;
            RunResult result = second.Run();

            Assert.AreEqual((int)RunOutcome.Operational, (int)result.Outcome);
            Assert.AreEqual("thing-fake", operationalThing);
            Assert.AreEqual("thing-fake", f.Session.LastCredentials!.ClientId);
            Assert.IsTrue(f.Session.IsConnected); // handed to the application connected
            Assert.AreEqual(1, f.Rebooter.Count);
        }

        [TestMethod]
        public void Run_DeviceCertificateRejected_MarksBadAndProvisionsAgain()
        {
            var f = new RunnerFixture();
            f.NewRunner(null, MachineHarness.DefaultOptions().WithBackoff(1, 2, 5)).Run();
            f.Session.QueueConnectResult(MqttConnectResult.CredentialsRejected);
            f.Session.QueueConnectResult(MqttConnectResult.CredentialsRejected);
            f.Session.QueueConnectResult(MqttConnectResult.CredentialsRejected);
            f.Session.ThingName = "thing-second";

            RunResult result = f.NewRunner(null, MachineHarness.DefaultOptions().WithBackoff(1, 2, 5)).Run();

            Assert.AreEqual((int)RunOutcome.RebootRequested, (int)result.Outcome);
            Assert.AreEqual("thing-second", f.Store.Record!.ThingName);
            Assert.AreEqual(2, f.Rebooter.Count);
        }

        [TestMethod]
        public void Run_WithCsrSource_UsesCreateFromCsr()
        {
            var f = new RunnerFixture();
            var csr = new FixedCsrSource();
            RunResult result = f.NewRunner(csr, MachineHarness.DefaultOptions()).Run();

            Assert.AreEqual((int)RunOutcome.RebootRequested, (int)result.Outcome);
            Assert.AreEqual(1, csr.Calls);
            Assert.AreEqual("$aws/certificates/create-from-csr/json", (string)f.Session.Published[0]!);
            Assert.AreEqual("CSR-KEY-SECRET", TestBytes.TextOf(f.Store.Record!.PrivateKeyPem));
            f.AssertNoSecretsLogged();
        }

        [TestMethod]
        public void Stop_FromAnotherThread_ReturnsStopped()
        {
            var f = new RunnerFixture();
            f.Session.AlwaysFailConnect = true;
            ProvisioningRunner runner = f.NewRunner(null, MachineHarness.DefaultOptions().WithBackoff(5, 20, 1000));
            var stopper = new Thread(() =>
            {
                Thread.Sleep(100);
                runner.Stop();
            });
            stopper.Start();

            RunResult result = runner.Run();

            Assert.AreEqual((int)RunOutcome.Stopped, (int)result.Outcome);
            Assert.IsNull(result.Credentials);
            Assert.IsNull(f.Store.Record);
            Assert.IsTrue(f.Log.Lines.Count > 1); // it kept retrying until stopped
        }

        [TestMethod]
        public void Run_HalThrows_IsATransientFailureNotACrash()
        {
            var f = new RunnerFixture();
            f.Session.ThrowingPublishes = 1;
            ProvisioningRunner runner = f.NewRunner(null, MachineHarness.DefaultOptions().WithBackoff(1, 2, 5));
            string failure = "";
            runner.StepChanged += (sender, e) =>
            {
                if (e.Step == ProvisioningStep.BackingOff) failure = e.Failure;
            };

            RunResult result = runner.Run();

            Assert.AreEqual((int)RunOutcome.RebootRequested, (int)result.Outcome);
            Assert.AreEqual("RequestingCertificateTransientFailure", failure);
            bool logged = false;
            for (int i = 0; i < f.Log.Lines.Count; i++)
            {
                string line = (string)f.Log.Lines[i]!;
                if (line.StartsWith("HalCallFailed: ")) logged = true;
                Assert.DoesNotContains("socket closed", line); // the HAL's message is not logged, only its type
            }

            Assert.IsTrue(logged);
        }

        [TestMethod]
        public void Stop_WhileWaitingForTheService_ClosesTheSession()
        {
            var f = new RunnerFixture();
            f.Session.Silent = true;
            ProvisioningRunner runner = f.NewRunner(null, MachineHarness.DefaultOptions().WithStepTimeout(60000));
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
            Assert.IsFalse(f.Session.IsConnected);
        }

        [TestMethod]
        public void Run_Twice_Throws()
        {
            var f = new RunnerFixture();
            ProvisioningRunner runner = f.NewRunner(null, MachineHarness.DefaultOptions());
            runner.Run();
            Assert.ThrowsException(typeof(InvalidOperationException), () => runner.Run());
        }

        /// <summary>
        /// One test's fakes. The nano launcher runs [Setup] once per class and invokes tests
        /// without an instance, so each test makes its own instead of sharing fields.
        /// </summary>
        private sealed class RunnerFixture
        {
            public readonly FakeCloudSession Session = new FakeCloudSession();
            public readonly MemoryCredentialStore Store = new MemoryCredentialStore();
            public readonly CountingRebooter Rebooter = new CountingRebooter();
            public readonly ListLogSink Log = new ListLogSink();

            public ProvisioningRunner NewRunner(ICsrSource? csr, ProvisioningOptionsBuilder options) =>
                new ProvisioningRunner(Session, new UtcClock(), new SequenceRandom(), new FixedIdentity(), Rebooter, Log, Store, csr,
                    MachineHarness.NewClaim(), options.Build());

            public void AssertNoSecretsLogged()
            {
                for (int i = 0; i < Log.Lines.Count; i++)
                {
                    string line = (string)Log.Lines[i]!;
                    Assert.DoesNotContains("PRIVATE KEY", line);
                    Assert.DoesNotContains("SECRET", line);
                }
            }
        }
    }
}
