using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Demo;
using NanoFleet.Cli.Device;
using NanoFleet.Cloud;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Hal.Host.Identity;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Records;
using NanoFleet.Station.Simulator;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.FactoryToCloud
{
    /// <summary>
    /// Issue 6 §6, the whole factory-to-cloud path: the real station flashes a simulated ESP32 over a
    /// socat pty (ROM loader protocol through System.IO.Ports) with the emulator's claim, and the flash
    /// image file it wrote boots as a virtual device that provisions against the real emulator, as
    /// the thing named from the serial number the station allocated, with the MAC the station read.
    /// </summary>
    public sealed class FactoryToCloudTests
    {
        private static readonly byte[] ChipMac = { 0x24, 0x0A, 0xC4, 0x6E, 0x46, 0x06 };

        [Fact]
        public async Task StationFlashedDevice_BootsAndProvisionsAsItsSerialNumberThing()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await using var cloud = await E2eCloud.StartAsync();
            string claimDir = SimulatedEsp32.WriteClaimDirectory(cloud, $"127.0.0.1:{cloud.Emulator.Port}");
            string imageFile = Path.Combine(cloud.Directory, "dut.bin");

            // Factory: the real station against a simulated ROM loader whose flash is the image file.
            DeviceRecord record = await Task.Run(() =>
            {
                using var esp32 = new SimulatedEsp32(imageFile, ChipMac);
                var options = new StationOptions
                {
                    Ports = new[] { esp32.PortPath },
                    Claim = ClaimDirectory.Load(claimDir),
                    Template = DemoTemplate.Name,
                    SerialPrefix = "NF-",
                    Layout = cloud.Table,
                    Firmware = new[] { ("factory", SyntheticAppImage.Build(64 * 1024, 6), "nanoCLR.bin") },
                    Database = Path.Combine(cloud.Directory, "station.db"),
                    StationName = "line-1",
                    Operator = "e2e",
                    ConnectAttempts = 2,
                    BlockTimeout = TimeSpan.FromSeconds(2),
                };
                return new StationRunner(options).Run(timeout.Token).Single();
            }, timeout.Token).WaitAsync(timeout.Token);

            Assert.True(record.Result == DeviceResult.Ok, $"station: {record.Result} {record.Cause} {record.Error}");
            Assert.False(string.IsNullOrEmpty(record.Serial));
            Assert.True(MacAddress.TryNormalize(record.Mac, out string stationMac), record.Mac);
            Assert.Equal(Convert.ToHexStringLower(ChipMac), stationMac);

            // Cloud: the same file boots as a virtual device; no endpoint override, the station wrote it.
            using var device = new VirtualDevice(imageFile, E2eCloud.FastOptions("dut"));
            var steps = new StepRecorder(device);
            DeviceRunOutcome outcome = await Task.Run(() => device.Boot(once: false, timeout.Token), timeout.Token).WaitAsync(timeout.Token);

            Assert.True(outcome == DeviceRunOutcome.Operational,
                $"{outcome} after steps {string.Join(",", steps.Steps)}; emulator rejected: {string.Join("; ", cloud.Rejections)}");
            Assert.True(device.IsConnected);
            Assert.Equal(stationMac, device.MacAddress);
            Assert.Contains("ConnectingWithClaim", steps.Steps);
            Assert.Equal("Operational", steps.Last);

            string thingName = DemoTemplate.ThingPrefix + record.Serial;
            Assert.Equal(thingName, device.ThingName);
            Assert.NotEqual(cloud.Claim.CertificateId, device.CertificateId);
            CertificateInfo? certificate = await cloud.Emulator.Certificates.GetAsync(device.CertificateId);
            Assert.NotNull(certificate);
            Assert.Equal(CertificateStatus.Active, certificate!.Status);
            Assert.Equal(CertificateKind.Device, certificate.Kind);

            ThingInfo? thing = await cloud.Emulator.Things.GetAsync(thingName);
            Assert.NotNull(thing);
            Assert.Contains(device.CertificateId, thing!.CertificateIds);
            Assert.Equal(record.Serial, thing.Attributes["serialNumber"]);
            Assert.True(MacAddress.TryNormalize(thing.Attributes["mac"], out string thingMac), thing.Attributes["mac"]);
            Assert.Equal(stationMac, thingMac);
            Assert.Equal(1, await cloud.Emulator.Things.CountAsync());
        }
    }
}
