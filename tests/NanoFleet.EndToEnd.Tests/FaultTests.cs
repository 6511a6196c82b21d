using System;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Device;
using NanoFleet.Cloud;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests
{
    /// <summary>Network drops, lost responses and throttling on the way; every device must still end provisioned.</summary>
    public sealed class FaultTests
    {
        [Theory]
        [InlineData("SubscribingCreate")]
        [InlineData("RequestingCertificate")]
        [InlineData("SubscribingRegister")]
        [InlineData("RegisteringThing")]
        public async Task DisconnectDuringStep_RetriesAndProvisions(string step)
        {
            await using var cloud = await E2eCloud.StartAsync();
            var proxy = cloud.UseProxy();
            using var device = new VirtualDevice(cloud.BuildImage(1), E2eCloud.FastOptions("dev-01"));
            var steps = new StepRecorder(device).OnFirst(step, proxy.CutAll);

            Assert.Equal(DeviceRunOutcome.Operational, device.Boot(false, CancellationToken.None));

            Assert.Equal(E2eCloud.ThingOf(1), device.ThingName);
            Assert.Equal(1, proxy.Cuts);
            Assert.True(steps.Count("ConnectingWithClaim") >= 2, "the device never reconnected after the drop: " + string.Join(",", steps.Steps));
        }

        [Theory]
        [InlineData("ConnectingWithClaim")]
        [InlineData("ConnectingAsThing")]
        public async Task DisconnectDuringConnect_RetriesAndProvisions(string step)
        {
            await using var cloud = await E2eCloud.StartAsync();
            var proxy = cloud.UseProxy();
            using var device = new VirtualDevice(cloud.BuildImage(1), E2eCloud.FastOptions("dev-01"));
            var steps = new StepRecorder(device).OnFirst(step, () => proxy.ResetNext(1));

            Assert.Equal(DeviceRunOutcome.Operational, device.Boot(false, CancellationToken.None));

            Assert.Equal(1, proxy.Resets);
            Assert.True(steps.Count(step) >= 2, step + " was not retried: " + string.Join(",", steps.Steps));
        }

        [Theory]
        [InlineData("SubscribingCreate", "RequestingCertificate")]
        [InlineData("SubscribingRegister", "RegisteringThing")]
        public async Task LostResponse_TimesOutRetriesAndProvisions(string before, string request)
        {
            await using var cloud = await E2eCloud.StartAsync();
            using var device = new VirtualDevice(cloud.BuildImage(1), E2eCloud.FastOptions("dev-01"));
            var steps = new StepRecorder(device).OnFirst(before, () => cloud.Emulator.Faults.DropResponses(1));

            Assert.Equal(DeviceRunOutcome.Operational, device.Boot(false, CancellationToken.None));

            Assert.True(steps.Count(request) >= 2, request + " was not retried after its response was lost: " + string.Join(",", steps.Steps));
            Assert.Equal(E2eCloud.ThingOf(1), device.ThingName);
        }

        [Fact]
        public async Task RegisterThingThrottled_DevicesBackOffAndAllProvision()
        {
            await using var cloud = await E2eCloud.StartAsync();
            cloud.Emulator.Faults.Throttle(ProvisioningApi.RegisterThing, 1);
            var devices = new VirtualDevice[4];
            var recorders = new StepRecorder[devices.Length];
            for (int i = 0; i < devices.Length; i++)
            {
                // Backoff up to 2 s, so four devices sharing one request a second get through before the
                // core's limit of failures in a row sends them into the long backoff.
                devices[i] = new VirtualDevice(cloud.BuildImage(i + 1), E2eCloud.FastOptions($"dev-{i + 1:00}", backoffCapMilliseconds: 2000));
                recorders[i] = new StepRecorder(devices[i]);
            }

            try
            {
                var outcomes = await Task.WhenAll(Array.ConvertAll(devices, d => Task.Run(() => d.Boot(false, CancellationToken.None))));

                Assert.All(outcomes, o => Assert.Equal(DeviceRunOutcome.Operational, o));
                Assert.Equal(devices.Length, await cloud.Emulator.Things.CountAsync());
                int backoffs = 0;
                Array.ForEach(recorders, r => backoffs += r.Count("BackingOff"));
                Assert.True(backoffs > 0, "no device was throttled: the test proves nothing");
                Assert.Contains("RegisterThing ThrottlingException", cloud.Rejections);
            }
            finally
            {
                Array.ForEach(devices, d => d.Dispose());
            }
        }
    }
}
