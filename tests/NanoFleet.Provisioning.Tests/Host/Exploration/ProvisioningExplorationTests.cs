using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace NanoFleet.Provisioning.Tests.Exploration
{
    /// <summary>
    /// Drives the machine through every step of both flows in both formats and, at each step, injects
    /// each fault class once and repeatedly past the retry limit. Every path must end provisioned and
    /// operational, keep retries within the configured bounds, keep one request in flight per API,
    /// log no secret, and never persist an incomplete or mixed record.
    /// </summary>
    public class ProvisioningExplorationTests
    {
        private readonly ITestOutputHelper _output;

        public ProvisioningExplorationTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<FaultPlan> AllPlans()
        {
            foreach (bool csr in new[] { false, true })
            foreach (FpFormat format in new[] { FpFormat.Json, FpFormat.Cbor })
            foreach (FaultPoint point in Enum.GetValues<FaultPoint>())
            {
                if (point == FaultPoint.CreateCsr && !csr) continue;
                foreach (FaultKind kind in FaultPlan.Applicable(point))
                foreach (int repetitions in new[] { 1, ExplorationRun.MaxAttempts })
                {
                    yield return new FaultPlan(csr, format, point, kind, repetitions);
                }
            }
        }

        [Fact]
        public void EveryFaultAtEveryStep_EndsProvisionedWithinBounds()
        {
            var failures = new List<string>();
            int paths = 0;
            var classesSeen = new HashSet<string>();
            foreach (FaultPlan plan in AllPlans())
            {
                paths++;
                ExplorationRun run;
                try
                {
                    run = new ExplorationRun(plan).Run();
                }
                catch (Exception ex)
                {
                    failures.Add(plan + ": threw " + ex.GetType().Name + ": " + ex.Message);
                    continue;
                }

                foreach (string name in run.LogNames) classesSeen.Add(name);
                if (run.Violations.Count > 0) failures.Add(plan + ": " + string.Join("; ", run.Violations));
            }

            string summary = $"exploration: {paths} fault paths (2 flows x 2 formats x steps x fault classes x 2 repetition counts), {failures.Count} failed";
            _output.WriteLine(summary);
            Console.WriteLine(summary);
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
            Assert.True(paths >= 300, "fewer paths than expected: " + paths);

            // Each class shows up as its own event named after the step.
            foreach (string expected in new[]
            {
                "RequestingCertificateTransientFailure", "RegisteringThingTransientFailure", "RegisteringThingTokenInvalid",
                "RegisteringThingPermanentFailure", "RequestingCertificatePermanentFailure", "SubscribingCreatePermanentFailure",
                "RegisteringThingTokenExpiring", "StaleResponseIgnored", "DuplicateResponseIgnored", "DeviceCredentialsMarkedBad",
                "RequestingCertificateRetriesExhausted", "PersistingTransientFailure", "ConnectingWithClaimTransientFailure",
            })
            {
                Assert.Contains(expected, classesSeen);
            }
        }

        [Fact]
        public void NoFault_ProvisionsInOneRebootWithoutRetries()
        {
            // Repetitions 0: the fault never fires, so this is the plain happy path for each flow and format.
            foreach (bool csr in new[] { false, true })
            foreach (FpFormat format in new[] { FpFormat.Json, FpFormat.Cbor })
            {
                ExplorationRun run = new ExplorationRun(new FaultPlan(csr, format, FaultPoint.Persist, FaultKind.Timeout, 0)).Run();
                Assert.Equal(new[] { "the fault point was never reached" }, run.Violations);
                Assert.Equal(1, run.Reboots);
                Assert.DoesNotContain(run.LogNames, n => n.EndsWith("Failure", StringComparison.Ordinal));
            }
        }
    }
}
