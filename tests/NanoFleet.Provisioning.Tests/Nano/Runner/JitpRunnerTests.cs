using System;
using NanoFleet.Hal;
using nanoFramework.TestFramework;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>The JITP runner over a fake session: first connection closed, retry accepted as the certificate's commonName.</summary>
    [TestClass]
    public class JitpRunnerTests
    {
        [TestMethod]
        public void Run_FirstCloseThenOperationalHappyPath()
        {
            var session = new FakeCloudSession();
            session.QueueConnectResult(MqttConnectResult.NetworkError); // AWS closes the first connection
            var log = new ListLogSink();
            var runner = new JitpRunner(session, new UtcClock(), log, Image(TestSubjectCertificate.Pem("NF-000042")),
                new JitpMachine(1, 2, 3, 10, new SequenceRandom { Lowest = true }));
            int steps = 0;
            runner.StepChanged += (sender, e) => steps++;

            RunResult result = runner.Run();

            Assert.AreEqual((int)RunOutcome.Operational, (int)result.Outcome);
            Assert.AreEqual("NF-000042", result.ThingName);
            Assert.AreEqual("NF-000042", session.LastCredentials!.ClientId);
            Assert.AreEqual("iot.example", session.LastCredentials.Host);
            Assert.IsTrue(session.IsConnected);
            Assert.AreEqual(4, steps); // connecting, backing off, connecting, operational
            Assert.IsTrue(Contains(log, JitpMachine.FirstConnectionClosed));
            Assert.IsFalse(Contains(log, "KEY-SECRET"));
        }

        [TestMethod]
        public void Run_NoCommonNameStops()
        {
            var session = new FakeCloudSession();
            var runner = new JitpRunner(session, new UtcClock(), new ListLogSink(), Image(TestSubjectCertificate.Pem(null)),
                new JitpMachine(1, 2, 3, 10, new SequenceRandom()));
            RunResult result = runner.Run();
            Assert.AreEqual((int)RunOutcome.Stopped, (int)result.Outcome);
            Assert.IsNull(session.LastCredentials);
        }

        [TestMethod]
        public void Constructor_BadParams()
        {
            var claim = Image(TestSubjectCertificate.Pem("x"));
            claim.JustInTime = false;
            Assert.ThrowsException(typeof(ArgumentException), () =>
                new JitpRunner(new FakeCloudSession(), new UtcClock(), new ListLogSink(), claim, new JitpMachine(1, 2, 3, 10, new SequenceRandom())));
        }

        private static ProvisioningClaim Image(byte[] certificatePem) => new ProvisioningClaim
        {
            JustInTime = true,
            EndpointHost = "iot.example",
            EndpointPort = 8883,
            CertificatePem = certificatePem,
            PrivateKeyPem = TestBytes.Utf8Of("KEY-SECRET"),
            CaPem = TestBytes.Utf8Of("CA"),
        };

        private static bool Contains(ListLogSink log, string text)
        {
            foreach (object line in log.Lines)
            {
                if (((string)line).IndexOf(text) >= 0) return true;
            }

            return false;
        }
    }
}
