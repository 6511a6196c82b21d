using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NanoFleet.Cli.Device;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests
{
    public sealed class TokenExpiryTests
    {
        [Fact]
        public async Task TokenExpiresBetweenCreateAndRegister_DeviceCreatesAgainAndProvisions()
        {
            // The emulator's clock only: the device does not see the hour pass, as when a device was
            // slow (or its clock wrong) and the cloud's token lifetime ran out.
            var cloudTime = new FakeTimeProvider(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.Zero };
            await using var cloud = await E2eCloud.StartAsync(b => b.WithTimeProvider(cloudTime));
            using var device = new VirtualDevice(cloud.BuildImage(1), E2eCloud.FastOptions("dev-01"));
            var steps = new StepRecorder(device).OnFirst("SubscribingRegister", () => cloudTime.Advance(TimeSpan.FromMinutes(61)));

            Assert.Equal(DeviceRunOutcome.Operational, device.Boot(false, CancellationToken.None));

            Assert.True(steps.Count("RequestingCertificate") >= 2, "the device did not ask for a new certificate: " + string.Join(",", steps.Steps));
            Assert.Equal(E2eCloud.ThingOf(1), device.ThingName);
            Assert.Equal("RegisterThing InvalidCertificateOwnershipToken", Assert.Single(cloud.Rejections));
        }
    }
}
