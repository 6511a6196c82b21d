using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Demo;
using NanoFleet.Cli.Device;
using NanoFleet.Cli.Installer;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Hal.Host.Serial;
using NanoFleet.Station.Simulator;

namespace NanoFleet.EndToEnd.Tests.TrustedUser
{
    /// <summary>
    /// The trusted-user path on real parts: the emulator with its control plane (SigV4, IAM), a socat pty pair
    /// as the device's UART, a virtual device booting a no-claim image on one end and the installer on the other.
    /// </summary>
    public sealed class TrustedUserRig : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly SerialPortLine _deviceLine;
        private Task<DeviceRunOutcome>? _boot;

        private TrustedUserRig(E2eCloud cloud, PtyPair pty)
        {
            Cloud = cloud;
            Pty = pty;
            _deviceLine = new SerialPortLine(pty.DevicePath);
            ImagePath = Path.Combine(cloud.Directory, "dev-001.bin");
            DemoImages.WriteAwaitingClaim(ImagePath, cloud.Table, cloud.Emulator, DemoTemplate.Name, 1, cloud.Emulator.Port);
            Device = new VirtualDevice(ImagePath, E2eCloud.FastOptions("dev-01", claimLine: _deviceLine));
        }

        public E2eCloud Cloud { get; }

        public PtyPair Pty { get; }

        public string ImagePath { get; }

        public VirtualDevice Device { get; }

        public static async Task<TrustedUserRig> StartAsync(Action<NanoFleet.Cloud.Options.EmulatorOptionsBuilder>? configure = null)
        {
            var cloud = await E2eCloud.StartAsync(b =>
            {
                b.WithControlPlane();
                configure?.Invoke(b);
            });
            return new TrustedUserRig(cloud, PtyPair.Create());
        }

        /// <summary>Boots the device on a thread of its own; it waits on the pty for a claim.</summary>
        public void BootDevice() => _boot = Task.Factory.StartNew(() => Device.Boot(false, _stop.Token), TaskCreationOptions.LongRunning);

        /// <summary>Waits for the device's boot to end (generously: a loaded CI machine).</summary>
        public DeviceRunOutcome DeviceOutcome() =>
            _boot!.Wait(TimeSpan.FromSeconds(120)) ? _boot.Result : throw new TimeoutException("the virtual device did not finish booting in 120 s");

        /// <summary>A control-plane client signed as <paramref name="identity"/>.</summary>
        public ControlPlaneClient ClientAs(string identity)
        {
            Identity caller = Cloud.Emulator.Identities.Get(identity) ?? throw new InvalidOperationException("no identity " + identity);
            return new ControlPlaneClient(ControlPlaneUrl, Cloud.Emulator.Options.Region, caller.Key.Id, caller.Key.Secret);
        }

        public Uri ControlPlaneUrl => new Uri($"http://127.0.0.1:{Cloud.Emulator.ControlPlanePort}");

        /// <summary>An AWS shared-credentials file for <paramref name="identity"/>, owner-only, in the test's directory.</summary>
        public string ProfileFileFor(string identity)
        {
            Identity caller = Cloud.Emulator.Identities.Get(identity) ?? throw new InvalidOperationException("no identity " + identity);
            string path = Path.Combine(Cloud.Directory, identity + ".ini");
            File.WriteAllText(path, "");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.WriteAllText(path, $"[default]\naws_access_key_id = {caller.Key.Id}\naws_secret_access_key = {caller.Key.Secret}\nregion = {Cloud.Emulator.Options.Region}\n");
            return path;
        }

        /// <summary>An installer on the host end of the pty, getting claims through <paramref name="source"/>.</summary>
        public ClaimInstaller Installer(SerialPortLine hostLine, IClaimSource source) =>
            new ClaimInstaller(hostLine, source, new InstallerOptions { HelloTimeout = TimeSpan.FromSeconds(60), ProvisioningTimeout = TimeSpan.FromSeconds(120) });

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _boot?.Wait(TimeSpan.FromSeconds(60));
            Device.Dispose();
            _deviceLine.Dispose();
            Pty.Dispose();
            await Cloud.DisposeAsync();
            _stop.Dispose();
        }
    }
}
