using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Demo;
using NanoFleet.Cli.Device;
using NanoFleet.Cloud;
using NanoFleet.Cloud.Events;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Jitp;

namespace NanoFleet.EndToEnd.Tests.Jitp
{
    /// <summary>A running emulator plus a factory CA made at test time (its files in the test's temp directory only),
    /// and JITP device images built with it.</summary>
    internal sealed class JitpWorld : IAsyncDisposable
    {
        private JitpWorld(E2eCloud cloud, FactoryCaFiles files, string stationDirectory)
        {
            Cloud = cloud;
            Files = files;
            StationDirectory = stationDirectory;
        }

        public E2eCloud Cloud { get; }

        public FleetEmulator Emulator => Cloud.Emulator;

        public FactoryCaFiles Files { get; }

        /// <summary>The station's --jitp-ca directory.</summary>
        public string StationDirectory { get; }

        public static async Task<JitpWorld> StartAsync(string name = "Test Factory")
        {
            var cloud = await E2eCloud.StartAsync();
            var files = FactoryCa.Create(name);
            string directory = Path.Combine(cloud.Directory, "jitp-" + Guid.NewGuid().ToString("N")[..6]);
            JitpFactory.WriteStationDirectory(directory, files, cloud.Emulator.CaCertificatePem, $"127.0.0.1:{cloud.Emulator.Port}");
            return new JitpWorld(cloud, files, directory);
        }

        public FactoryCa LoadCa() => FactoryCa.Load(Files.CaPem, Files.CaKeyPem, "ca.pem", "ca.key");

        /// <summary>Writes a JITP flash image for the device <paramref name="commonName"/>; returns its path.</summary>
        public string BuildImage(string commonName)
        {
            using var directory = JitpCaDirectory.Load(StationDirectory);
            byte[] secureCert = directory.Builder(commonName).Builder.Build().Bytes;
            string path = Path.Combine(Cloud.Directory, commonName + ".bin");
            File.WriteAllBytes(path, DeviceImageBuilder.Build(Cloud.Table, secureCert, DemoFleet.MacAddress(1)));
            return path;
        }

        /// <summary>The first emulator log entry of <paramref name="step"/> whose message holds <paramref name="text"/>, from now on.</summary>
        public Task<EmulatorLogEventArgs> LogAsync(string step, string text)
        {
            var seen = new TaskCompletionSource<EmulatorLogEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
            Emulator.LogWritten += (_, e) =>
            {
                if (e.Step == step && e.Message.Contains(text, StringComparison.Ordinal))
                {
                    seen.TrySetResult(e);
                }
            };
            return seen.Task;
        }

        /// <summary>Boots a JITP device for <paramref name="commonName"/> until the emulator logs <paramref name="step"/> with
        /// <paramref name="text"/> (its refusal), then stops it; returns how the boot ended.</summary>
        public async Task<DeviceRunOutcome> BootUntilLoggedAsync(string commonName, string step, string text, CancellationToken timeout)
        {
            var logged = LogAsync(step, text);
            using var device = new VirtualDevice(BuildImage(commonName), E2eCloud.FastOptions(commonName));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout);
            var boot = BootAsync(device, stop.Token);
            await logged.WaitAsync(timeout);
            stop.Cancel();
            return await boot.WaitAsync(timeout);
        }

        /// <summary>Boots the device in the background until it is operational or <paramref name="stop"/> is cancelled.</summary>
        public static Task<DeviceRunOutcome> BootAsync(VirtualDevice device, CancellationToken stop) => Task.Run(() => device.Boot(once: false, stop));

        public ValueTask DisposeAsync() => Cloud.DisposeAsync();
    }
}
