using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Device;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests
{
    public sealed class ScaleTests
    {
        [Fact]
        public async Task HundredDevicesAtOnce_AllProvisionWithTheirOwnThingsAndCertificates()
        {
            await using var cloud = await E2eCloud.StartAsync();
            var devices = Enumerable.Range(1, 100)
                .Select(i => new VirtualDevice(cloud.BuildImage(i), E2eCloud.FastOptions($"dev-{i:000}")))
                .ToArray();
            try
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(150));
                var boots = devices.Select(d => Task.Factory.StartNew(() => d.Boot(false, limit.Token), TaskCreationOptions.LongRunning)).ToArray();
                var outcomes = await Task.WhenAll(boots);

                Assert.All(outcomes, o => Assert.Equal(DeviceRunOutcome.Operational, o));
                Assert.Equal(100, devices.Select(d => d.CertificateId).Distinct().Count());
                Assert.Equal(Enumerable.Range(1, 100).Select(E2eCloud.ThingOf).OrderBy(n => n), devices.Select(d => d.ThingName).OrderBy(n => n));
                Assert.Equal(100, await cloud.Emulator.Things.CountAsync());
                Assert.All(devices, d => Assert.True(d.IsConnected, d.Name + " is not connected"));
            }
            finally
            {
                Array.ForEach(devices, d => d.Dispose());
            }
        }
    }
}
