using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NanoFleet.Cli.Installer;
using NanoFleet.Cloud;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.Hal;
using NanoFleet.Hal.Host.Serial;
using NanoFleet.Station.Simulator;

namespace NanoFleet.Cli.Demo
{
    /// <summary>
    /// The trusted-user demo's installers: per device a socat pty pair (its UART), and an installer on the
    /// other end that signs in as the emulator's installer identity, gets a temporary claim from the control
    /// plane and hands it over, as `nanofleet installer claim` does.
    /// </summary>
    internal sealed class DemoInstallers : IDisposable
    {
        private readonly List<(DeviceProgress Device, PtyPair Pty, SerialPortLine DeviceLine, SerialPortLine HostLine)> _links = new();
        private readonly ControlPlaneClient _client;
        private readonly List<string> _problems = new();
        private readonly List<Thread> _threads = new();

        public DemoInstallers(FleetEmulator emulator, IReadOnlyList<DeviceProgress> devices)
        {
            Identity installer = emulator.Identities.Get(DefaultIdentities.Installer)
                ?? throw new InvalidOperationException("the emulator has no installer identity");
            _client = new ControlPlaneClient(new Uri($"http://127.0.0.1:{emulator.ControlPlanePort}"), emulator.Options.Region, installer.Key.Id, installer.Key.Secret);
            foreach (var device in devices)
            {
                var pty = PtyPair.Create();
                _links.Add((device, pty, new SerialPortLine(pty.DevicePath), new SerialPortLine(pty.HostPath)));
            }
        }

        /// <summary>What went wrong on the installers' side, one line each.</summary>
        public IReadOnlyList<string> Problems
        {
            get
            {
                lock (_problems)
                {
                    return _problems.ToList();
                }
            }
        }

        /// <summary>The device's end of its UART.</summary>
        public ISerialLine LineOf(DeviceProgress device) => _links.First(l => l.Device == device).DeviceLine;

        /// <summary>Starts one installer per device, each on its own thread.</summary>
        public void Start(string templateName, CancellationToken cancellation)
        {
            foreach (var link in _links)
            {
                var installer = new ClaimInstaller(link.HostLine, new ControlPlaneClaimSource(_client), new InstallerOptions { HelloTimeout = TimeSpan.FromSeconds(60) });
                var thread = new Thread(() => Install(installer, link.Device, templateName, cancellation)) { IsBackground = true, Name = "installer-" + link.Device.Name };
                _threads.Add(thread);
                thread.Start();
            }
        }

        /// <summary>Waits for every installer to finish.</summary>
        public void Join() => _threads.ForEach(t => t.Join());

        public void Dispose()
        {
            foreach (var link in _links)
            {
                link.HostLine.Dispose();
                link.DeviceLine.Dispose();
                link.Pty.Dispose();
            }

            _client.Dispose();
        }

        private void Install(ClaimInstaller installer, DeviceProgress device, string templateName, CancellationToken cancellation)
        {
            try
            {
                InstallOutcome outcome = installer.RunAsync(templateName, cancellation).GetAwaiter().GetResult();
                if (outcome != InstallOutcome.Provisioned)
                {
                    Add($"{device.Name}: the installer ended with {outcome} {installer.DeviceReason}".TrimEnd());
                }
                else if (installer.DeviceMac != device.MacAddress)
                {
                    Add($"{device.Name}: the installer talked to MAC {installer.DeviceMac}, expected {device.MacAddress}");
                }
            }
            catch (Exception ex) when (ex is AwsServiceException or System.Net.Http.HttpRequestException or OperationCanceledException or System.IO.IOException)
            {
                Add($"{device.Name}: the installer failed: {ex.Message}");
            }
        }

        private void Add(string problem)
        {
            lock (_problems)
            {
                _problems.Add(problem);
            }
        }
    }
}
