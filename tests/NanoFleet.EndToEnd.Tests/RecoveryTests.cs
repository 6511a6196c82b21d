using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Device;
using NanoFleet.Cloud;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests
{
    /// <summary>Power cuts while the record is written, and a device certificate revoked in the field.</summary>
    public sealed class RecoveryTests
    {
        [Fact]
        public async Task PowerCutDuringPersist_AtFiftyPoints_RebootAlwaysEndsOperational()
        {
            await using var cloud = await E2eCloud.StartAsync();
            long persistBytes = MeasurePersistBytes(cloud);
            Assert.True(persistBytes > 100, "persist wrote suspiciously little: " + persistBytes);
            var random = new Random(20261126);
            // 1 = the first byte; persistBytes - 1 = all but the commit; persistBytes + 16 = just after the
            // record (certificate lengths vary by a few bytes between runs).
            var cutPoints = new SortedSet<long> { 1, persistBytes - 1, persistBytes + 16 };
            while (cutPoints.Count < 50)
            {
                cutPoints.Add(1 + random.NextInt64(persistBytes - 1));
            }

            int index = 10;
            var outcomes = new List<string>();
            foreach (long cut in cutPoints)
            {
                string image = cloud.BuildImage(++index);
                bool armed = false;
                var options = E2eCloud.FastOptions($"cut-{cut}", flash: chip =>
                {
                    // Arm on the first boot only; the reboot after the cut powers the chip on afresh.
                    if (!armed)
                    {
                        armed = true;
                        chip.CutAfterProgrammedBytes(cut);
                    }
                });
                using (var victim = new VirtualDevice(image, options))
                using (var stop = new CancellationTokenSource())
                {
                    var steps = new StepRecorder(victim);
                    // After the cut every flash call fails; once the core has reacted (any step after
                    // Persisting), pull the plug for real: stop the device and drop the process state.
                    victim.StepChanged += (_, e) =>
                    {
                        if (steps.Count("Persisting") >= 1 && e.Step != "Persisting")
                        {
                            stop.Cancel();
                        }
                    };
                    victim.Boot(false, stop.Token);
                }

                using var rebooted = new VirtualDevice(image, E2eCloud.FastOptions($"reboot-{cut}"));
                Assert.Equal(DeviceRunOutcome.Operational, rebooted.Boot(false, CancellationToken.None));
                Assert.Equal(E2eCloud.ThingOf(index), rebooted.ThingName);
                var certificate = await cloud.Emulator.Certificates.GetAsync(rebooted.CertificateId);
                Assert.Equal(CertificateStatus.Active, certificate!.Status);
                outcomes.Add(rebooted.Reboots == 0 ? "kept" : "reprovisioned");
            }

            // A cut before the commit loses the record (provision again), one after keeps it: both paths ran.
            Assert.Contains("reprovisioned", outcomes);
            Assert.Contains("kept", outcomes);
        }

        [Fact]
        public async Task DeviceCertificateRevoked_ProvisionsAgainWithTheClaimAndGetsANewCertificate()
        {
            await using var cloud = await E2eCloud.StartAsync();
            string image = cloud.BuildImage(1);
            string first;
            using (var device = new VirtualDevice(image, E2eCloud.FastOptions("dev-01")))
            {
                Assert.Equal(DeviceRunOutcome.Operational, device.Boot(false, CancellationToken.None));
                first = device.CertificateId;
            }

            Assert.True(await cloud.Emulator.Certificates.RevokeAsync(first));

            using var again = new VirtualDevice(image, E2eCloud.FastOptions("dev-01"));
            var steps = new StepRecorder(again);
            Assert.Equal(DeviceRunOutcome.Operational, again.Boot(false, CancellationToken.None));

            Assert.NotEqual(first, again.CertificateId);
            Assert.Equal(E2eCloud.ThingOf(1), again.ThingName);
            Assert.True(steps.Count("ConnectingAsThing") >= 2, "the revoked certificate was never tried: " + string.Join(",", steps.Steps));
            Assert.Contains("ConnectingWithClaim", steps.Steps);
            Assert.Equal(CertificateStatus.Revoked, (await cloud.Emulator.Certificates.GetAsync(first))!.Status);
            var thing = await cloud.Emulator.Things.GetAsync(again.ThingName);
            Assert.Contains(again.CertificateId, thing!.CertificateIds);
        }

        private static long MeasurePersistBytes(E2eCloud cloud)
        {
            long before = 0;
            long during = 0;
            NanoFleet.Hal.Host.Flash.NorFlash? chip = null;
            using var device = new VirtualDevice(cloud.BuildImage(10), E2eCloud.FastOptions("measure", flash: c => chip ??= c));
            device.StepChanged += (_, e) =>
            {
                if (e.Step == "Persisting" && chip is not null)
                {
                    before = chip.BytesProgrammed;
                }
                else if (e.Step == "Rebooting" && chip is not null)
                {
                    during = chip.BytesProgrammed - before;
                }
            };
            Assert.Equal(DeviceRunOutcome.Operational, device.Boot(false, CancellationToken.None));
            return during;
        }
    }
}
