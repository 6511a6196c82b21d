using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Device;
using NanoFleet.Cloud;
using NanoFleet.Cloud.Hooks;
using NanoFleet.Cloud.Options;
using NanoFleet.Provisioning;
using NanoFleet.Station.Partitions;

namespace NanoFleet.Cli.Demo
{
    /// <summary>
    /// `nanofleet demo` end to end: an emulator with a template and an allow-list hook, one claim,
    /// N factory images, N virtual devices provisioning in parallel, and a check that each ended
    /// connected as its own thing with its own certificate.
    /// </summary>
    internal sealed class DemoFleet
    {
        private readonly DemoOptions _options;
        private readonly IDemoView _view;

        public DemoFleet(DemoOptions options, IDemoView view)
        {
            _options = options;
            _view = view;
        }

        /// <summary>The serial number of device <paramref name="index"/> (1-based).</summary>
        public static string SerialNumber(int index) => "NF" + index.ToString("0000", CultureInfo.InvariantCulture);

        /// <summary>A locally administered MAC (02:…) unique per device: 02:4e:46 ("NF") then the index.</summary>
        public static string MacAddress(int index) => "024e46" + index.ToString("x6", CultureInfo.InvariantCulture);

        public async Task<DemoReport> RunAsync(CancellationToken cancellation)
        {
            var clock = Stopwatch.StartNew();
            bool keep = _options.KeepDirectory is not null;
            string workspace = keep ? Path.GetFullPath(_options.KeepDirectory!) : Path.Combine(Path.GetTempPath(), "nanofleet-demo-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(workspace);
            try
            {
                return await RunInAsync(workspace, keep, clock, cancellation);
            }
            finally
            {
                if (!keep)
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    TryDelete(workspace);
                }
            }
        }

        private async Task<DemoReport> RunInAsync(string workspace, bool keep, Stopwatch clock, CancellationToken cancellation)
        {
            _view.Stage("Workspace " + workspace + (keep ? " (kept)" : " (deleted at the end; --keep DIR keeps it)"));
            var serials = Enumerable.Range(1, _options.Devices).Select(SerialNumber).ToList();
            await using var hook = new AllowListHook("SerialNumber", serials);
            await hook.StartAsync();
            var emulatorOptions = new EmulatorOptionsBuilder()
                .WithDataDirectory(Path.Combine(workspace, "cloud"))
                .WithEndpoint(IPAddress.Loopback, 0)
                .WithControlPlane(_options.Flow == DemoFlow.TrustedUser)
                .Build();
            await using var emulator = new FleetEmulator(emulatorOptions);
            await emulator.StartAsync(cancellation);
            _view.Stage($"Fleet-provisioning emulator listening on 127.0.0.1:{emulator.Port} (mTLS, MQTT 3.1.1/5)");
            if (_options.Faults)
            {
                emulator.Faults.Apply(DemoOptions.FaultSpec);
                _view.Stage("Fault injection on: " + emulator.Faults.Describe());
            }

            var (devices, claimCertificateId) = _options.Flow == DemoFlow.Jitp
                ? (await JitpDemo.BuildImagesAsync(workspace, emulator, _options.Devices, _view), "")
                : await BuildClaimImagesAsync(workspace, emulator, hook.Url, serials);
            _view.Stage($"{devices.Count} flash images built from partitions.csv ({DeviceImageBuilder.DefaultFlashSize / (1024 * 1024)} MB each) in {Path.Combine(workspace, "devices")}; booting them");
            using var installers = _options.Flow == DemoFlow.TrustedUser ? new DemoInstallers(emulator, devices) : null;
            if (installers is not null)
            {
                _view.Stage($"Trusted user: no claim in flash; an installer per device (signed in as '{Cloud.ControlPlane.Identities.DefaultIdentities.Installer}', allowed only iot:CreateProvisioningClaim) gets a 5-minute claim from the control plane on 127.0.0.1:{emulator.ControlPlanePort} and hands it over the device's serial port (a pty)");
                installers.Start(DemoTemplate.Name, cancellation);
            }

            var problems = BootAll(devices, installers, cancellation);
            installers?.Join();
            problems.AddRange(installers?.Problems ?? Array.Empty<string>());
            problems.AddRange(await VerifyAsync(devices, emulator, claimCertificateId, _options.Flow));
            var report = new DemoReport(devices, problems, workspace, keep, clock.Elapsed);
            _view.Summary(report);
            return report;
        }

        /// <summary>The claim and trusted-user flows: the template with its allow-list hook as a function, and images holding
        /// the shared claim (claim) or none (trusted-user: installers hand each device a temporary one).</summary>
        private async Task<(List<DeviceProgress>, string)> BuildClaimImagesAsync(string workspace, FleetEmulator emulator, Uri hookUrl, List<string> serials)
        {
            await emulator.Templates.PutAsync(DemoTemplate.Name, DemoTemplate.Body);
            string hookArn = await emulator.Functions.HookTemplateAsync(DemoTemplate.Name, DemoTemplate.HookFunction, hookUrl);
            _view.Stage($"Pre-provisioning hook {hookArn} allows {serials.First()}..{serials.Last()}; IoT may invoke it for template '{DemoTemplate.Name}' only");
            PartitionTable table = DefaultPartitions.Load(null);
            if (_options.Flow == DemoFlow.TrustedUser)
            {
                _view.Stage($"Template '{DemoTemplate.Name}' names things {DemoTemplate.ThingPrefix}<SerialNumber>; no claim certificate in the images");
                return (BuildImages(workspace, _options.Devices,
                    (path, i) => DemoImages.WriteAwaitingClaim(path, table, emulator, DemoTemplate.Name, i, emulator.Port)), "");
            }

            var claim = await emulator.Claims.CreateAsync(DemoTemplate.Name);
            _view.Stage($"Template '{DemoTemplate.Name}' names things {DemoTemplate.ThingPrefix}<SerialNumber>; claim certificate {Commands.DeviceCommand.Short(claim.CertificateId)} issued");
            var devices = BuildImages(workspace, _options.Devices,
                (path, i) => DemoImages.Write(path, table, emulator, claim, i, _options.Cbor ? FpFormat.Cbor : FpFormat.Json, emulator.Port));
            return (devices, claim.CertificateId);
        }

        /// <summary>Writes device <c>i</c>'s image with <paramref name="write"/>(path, i) into WORKSPACE/devices, for i = 1..count.</summary>
        internal static List<DeviceProgress> BuildImages(string workspace, int count, Action<string, int> write)
        {
            string directory = Path.Combine(workspace, "devices");
            Directory.CreateDirectory(directory);
            var devices = new List<DeviceProgress>();
            for (int i = 1; i <= count; i++)
            {
                string name = "dev-" + i.ToString("00", CultureInfo.InvariantCulture);
                string path = Path.Combine(directory, name + ".bin");
                write(path, i);
                devices.Add(new DeviceProgress(name, SerialNumber(i), MacAddress(i), path));
            }

            return devices;
        }

        private List<string> BootAll(IReadOnlyList<DeviceProgress> devices, DemoInstallers? installers, CancellationToken cancellation)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(_options.Timeout);
            using var allDone = new ManualResetEvent(false);
            int remaining = devices.Count;
            var running = new List<VirtualDevice>();
            var threads = new List<Thread>();
            foreach (var progress in devices)
            {
                var device = new VirtualDevice(progress.ImagePath, DemoDeviceOptions(progress.Name, installers?.LineOf(progress)));
                running.Add(device);
                device.StepChanged += (_, e) =>
                {
                    progress.OnStep(e);
                    progress.Reboots = device.Reboots;
                    _view.StepChanged(progress);
                };
                var thread = new Thread(() =>
                {
                    Boot(device, progress, timeout.Token);
                    if (Interlocked.Decrement(ref remaining) == 0)
                    {
                        allDone.Set();
                    }
                })
                { IsBackground = true, Name = progress.Name };
                threads.Add(thread);
            }

            threads.ForEach(t => t.Start());
            _view.Watch(devices, allDone);
            threads.ForEach(t => t.Join());
            var problems = new List<string>();
            foreach (var (device, progress) in running.Zip(devices))
            {
                if (progress.Result == "Operational" && !device.IsConnected)
                {
                    problems.Add($"{progress.Name} lost its connection before the check");
                }

                device.Dispose();
            }

            if (cancellation.IsCancellationRequested)
            {
                throw new OperationCanceledException("the demo was interrupted");
            }

            return problems;
        }

        private VirtualDeviceOptions DemoDeviceOptions(string name, Hal.ISerialLine? claimLine) => new VirtualDeviceOptions
        {
            Name = name,
            ClaimLine = claimLine,
            // Short timings so a dropped response or a fault costs a few seconds, not the defaults' minutes.
            StepTimeoutMilliseconds = 3000,
            BackoffBaseMilliseconds = 250,
            BackoffCapMilliseconds = 2000,
            MaxAttempts = 8,
            PermanentFailureBackoffMilliseconds = 10000,
        };

        private static void Boot(VirtualDevice device, DeviceProgress progress, CancellationToken cancellation)
        {
            try
            {
                var outcome = device.Boot(once: false, cancellation);
                progress.ThingName = device.ThingName;
                progress.CertificateId = device.CertificateId;
                progress.Reboots = device.Reboots;
                progress.Total = device.Uptime;
                progress.Result = outcome == DeviceRunOutcome.Operational ? "Operational" : "timed out in " + progress.Step;
            }
            catch (Exception ex)
            {
                // One device's failure is a finding for the summary, not a reason to bring the other devices down.
                progress.Result = "failed: " + ex.GetType().Name + ": " + ex.Message;
            }
        }

        private static async Task<List<string>> VerifyAsync(IReadOnlyList<DeviceProgress> devices, FleetEmulator emulator, string claimCertificateId, DemoFlow flow)
        {
            var problems = new List<string>();
            var certificates = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in devices)
            {
                if (d.Result != "Operational")
                {
                    problems.Add($"{d.Name} ({d.SerialNumber}) did not become operational: {d.Result}");
                    continue;
                }

                string expectedThing = flow == DemoFlow.Jitp ? d.SerialNumber : DemoTemplate.ThingPrefix + d.SerialNumber; // JITP: the certificate's CN
                if (d.ThingName != expectedThing)
                {
                    problems.Add($"{d.Name} runs as '{d.ThingName}', expected '{expectedThing}'");
                }

                if (d.CertificateId == claimCertificateId || !certificates.Add(d.CertificateId))
                {
                    problems.Add($"{d.Name} does not have a certificate of its own ({Commands.DeviceCommand.Short(d.CertificateId)})");
                }

                var thing = await emulator.Things.GetAsync(d.ThingName);
                var certificate = await emulator.Certificates.GetAsync(d.CertificateId);
                if (thing is null || certificate is null || certificate.Status != CertificateStatus.Active)
                {
                    problems.Add($"{d.Name}: the emulator's registry has no thing '{d.ThingName}' with an active certificate {Commands.DeviceCommand.Short(d.CertificateId)}");
                }
            }

            return problems;
        }

        private void TryDelete(string directory)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException ex)
            {
                // A file still open by a finishing thread: the demo's result stands, so say so and go on.
                _view.Stage($"Workspace {directory} was not deleted ({ex.Message}); delete it by hand");
            }
        }
    }
}
