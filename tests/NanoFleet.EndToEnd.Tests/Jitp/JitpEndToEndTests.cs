using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Demo;
using NanoFleet.Cli.Device;
using NanoFleet.Cloud;
using NanoFleet.EndToEnd.Tests.FactoryToCloud;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Records;
using NanoFleet.Station.Simulator;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Jitp
{
    /// <summary>
    /// Issue 13, JIT provisioning end to end: the real station signs a per-device certificate with a factory CA made at
    /// test time and flashes it (no claim) into a simulated ESP32 over a socat pty; the image boots as a virtual device
    /// against the real emulator (mTLS on loopback), where the CA is registered with a JITP template. The first
    /// connection is closed while the emulator provisions, the retry connects as the thing named by the certificate.
    /// </summary>
    public sealed class JitpEndToEndTests
    {
        private static readonly byte[] ChipMac = { 0x24, 0x0A, 0xC4, 0x11, 0x22, 0x33 };

        [Fact]
        public async Task StationSignedDevice_FirstConnectionClosed_RetryConnectsAsItsThing()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await using var world = await JitpWorld.StartAsync();
            using (var ca = world.LoadCa())
            {
                await JitpFactory.RegisterAsync(world.Emulator, ca);
            }

            string imageFile = Path.Combine(world.Cloud.Directory, "dut.bin");
            string database = Path.Combine(world.Cloud.Directory, "station.db");
            DeviceRecord record = await Task.Run(() =>
            {
                using var esp32 = new SimulatedEsp32(imageFile, ChipMac);
                using var jitpCa = JitpCaDirectory.Load(world.StationDirectory);
                var options = new StationOptions
                {
                    Ports = new[] { esp32.PortPath },
                    JitpCa = jitpCa,
                    SerialPrefix = "JT-",
                    Layout = world.Cloud.Table,
                    Firmware = new[] { ("factory", SyntheticAppImage.Build(64 * 1024, 6), "nanoCLR.bin") },
                    Database = database,
                    ConnectAttempts = 2,
                    BlockTimeout = TimeSpan.FromSeconds(2),
                };
                return new StationRunner(options).Run(timeout.Token).Single();
            }, timeout.Token).WaitAsync(timeout.Token);
            Assert.True(record.Result == DeviceResult.Ok, $"station: {record.Result} {record.Cause} {record.Error}");

            var provisioned = world.LogAsync("jitp", "auto-registered and provisioned");
            using var device = new VirtualDevice(imageFile, E2eCloud.FastOptions("dut"));
            var steps = new StepRecorder(device);
            DeviceRunOutcome outcome = await JitpWorld.BootAsync(device, timeout.Token).WaitAsync(timeout.Token);

            Assert.True(outcome == DeviceRunOutcome.Operational, $"{outcome} after steps {string.Join(",", steps.Steps)}");
            await provisioned.WaitAsync(timeout.Token);
            Assert.Equal(new[] { "ConnectingAsThing", "BackingOff", "ConnectingAsThing", "Operational" },
                steps.Steps.Where(s => s != "Booting").ToArray()); // closed once, then in as the thing
            Assert.Equal(record.Serial, device.ThingName);
            Assert.True(device.IsConnected);
            Assert.Equal(record.ClaimCertSha256, device.CertificateId); // the record keeps the device certificate's fingerprint

            CertificateInfo? certificate = await world.Emulator.Certificates.GetAsync(device.CertificateId);
            Assert.Equal(CertificateStatus.Active, certificate!.Status);
            ThingInfo? thing = await world.Emulator.Things.GetAsync(record.Serial);
            Assert.Contains(device.CertificateId, thing!.CertificateIds);
            Assert.Equal("jitp", thing.Attributes["provisioning"]);
            Assert.Equal(1, world.Emulator.Metrics.ProvisionThing.Success);
            Assert.Equal(0, world.Emulator.Metrics.ProvisionThing.ClientError);
            Assert.Equal(Hal.HalStatus.Success, device.PublishHeartbeat()); // its own policy lets it publish as itself

            // The CA key went into no record: the station's database does not hold it.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            string keyBody = world.Files.CaKeyPem.Split('\n')[1];
            Assert.DoesNotContain(keyBody, File.ReadAllText(database));
        }

        [Fact]
        public async Task UnregisteredCa_RefusedAtTheHandshake()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await using var world = await JitpWorld.StartAsync(); // the factory CA is never registered
            Assert.Equal(DeviceRunOutcome.Stopped, await world.BootUntilLoggedAsync("stray-1", "tls", "no registered CA signed it", timeout.Token));
            Assert.Empty(await world.Emulator.Certificates.ListAsync().ContinueWith(t => t.Result.Where(c => c.Kind == CertificateKind.Device).ToList()));
            Assert.Null(await world.Emulator.Things.GetAsync("stray-1"));
        }

        [Theory]
        [InlineData("inactive")]
        [InlineData("no-auto-registration")]
        public async Task CaTurnedOff_RefusedAndNothingRegistered(string how)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await using var world = await JitpWorld.StartAsync();
            CaCertificateInfo ca;
            using (var factory = world.LoadCa())
            {
                ca = await JitpFactory.RegisterAsync(world.Emulator, factory);
            }

            await world.Emulator.CaCertificates.UpdateAsync(ca.Id,
                how == "inactive" ? CaCertificateStatus.Inactive : null, how == "inactive" ? null : false, null);
            Assert.Equal(DeviceRunOutcome.Stopped, await world.BootUntilLoggedAsync("late-1", "jitp",
                how == "inactive" ? "is INACTIVE" : "does not allow auto-registration", timeout.Token));
            Assert.Null(await world.Emulator.Things.GetAsync("late-1"));
            Assert.Equal(0, world.Emulator.Metrics.ProvisionThing.Success);
        }
    }
}
