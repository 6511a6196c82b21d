using System;
using System.Text;
using System.Threading;
using NanoFleet.Hal;
using NanoFleet.Hal.Host.Identity;
using NanoFleet.Hal.Host.Keys;
using NanoFleet.Hal.Host.Mqtt;
using NanoFleet.Hal.Host.Reboot;
using NanoFleet.Hal.Host.Time;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Cli.Device
{
    /// <summary>How a <see cref="VirtualDevice.Boot"/> ended.</summary>
    public enum DeviceRunOutcome
    {
        /// <summary>Connected as its thing with its own certificate.</summary>
        Operational,
        /// <summary>It asked to reboot and was told to stop there (`device run --once`).</summary>
        Rebooted,
        /// <summary>Cancelled before it became operational.</summary>
        Stopped,
        /// <summary>A trusted-user image (no claim in flash) waited on its serial line and no usable claim came.</summary>
        NoClaim,
    }

    /// <summary>
    /// The firmware's provisioning core on the host HAL, booting from a flash image file exactly as
    /// an ESP32 boots from its SPI flash: each boot reads the partition table at 0x8000, the claim
    /// partition and the device-credential partition, and a reboot starts over from the file.
    /// </summary>
    /// <example><code>
    /// using var device = new VirtualDevice("dev-01.bin", new VirtualDeviceOptions { Name = "dev-01" });
    /// if (device.Boot(once: false, ct) == DeviceRunOutcome.Operational) device.PublishHeartbeat();
    /// </code></example>
    public sealed partial class VirtualDevice : IDisposable
    {
        private readonly string _imagePath;
        private readonly VirtualDeviceOptions _options;
        private readonly MqttNetSession _session;
        private readonly HostRebooter _rebooter = new HostRebooter();
        private readonly IRandomSource _random;
        private readonly long _poweredOn;
        private int _heartbeats;

        /// <summary>Creates the device; nothing is read until <see cref="Boot"/>.</summary>
        /// <param name="imagePath">The 4 MB flash image (`nanofleet image device`); provisioning writes to it.</param>
        /// <param name="options">Name, log sink, timing.</param>
        public VirtualDevice(string imagePath, VirtualDeviceOptions? options = null)
        {
            _imagePath = imagePath ?? throw new ArgumentNullException(nameof(imagePath));
            _options = options ?? new VirtualDeviceOptions();
            _session = new MqttNetSession();
            _random = _options.RandomSeed is int seed ? new HostRandom(seed) : new HostRandom();
            _poweredOn = _options.Time.GetTimestamp();
        }

        /// <summary>Raised on the device's thread each time it boots or enters a step.</summary>
        public event EventHandler<DeviceStepEventArgs>? StepChanged;

        /// <summary>The device's name (from its options).</summary>
        public string Name => _options.Name;

        /// <summary>The MAC read from the image at the last boot ("" before the first).</summary>
        public string MacAddress { get; private set; } = "";

        /// <summary>Boots so far (a reboot is one more boot).</summary>
        public int Boots { get; private set; }

        /// <summary>Reboots the core asked for.</summary>
        public int Reboots => _rebooter.Count;

        /// <summary>The thing it runs as, once operational.</summary>
        public string ThingName { get; private set; } = "";

        /// <summary>The id of the certificate it connected with, once operational.</summary>
        public string CertificateId { get; private set; } = "";

        /// <summary>The certificate (PEM) it connected with, once operational.</summary>
        public string CertificatePem { get; private set; } = "";

        /// <summary>True while the MQTT session is up.</summary>
        public bool IsConnected => _session.IsConnected;

        /// <summary>The MQTT session (for byte counters and the application's own traffic).</summary>
        public MqttNetSession Session => _session;

        /// <summary>Time since power-on.</summary>
        public TimeSpan Uptime => _options.Time.GetElapsedTime(_poweredOn);

        /// <summary>
        /// Boots from the image and runs provisioning until the device is connected as its thing,
        /// rebooting in-process whenever the core asks (unless <paramref name="once"/>).
        /// </summary>
        /// <param name="once">Stop at the first reboot instead of booting again.</param>
        /// <param name="cancellation">Stops the device (Ctrl-C).</param>
        /// <returns>Operational, Rebooted (only with <paramref name="once"/>) or Stopped.</returns>
        /// <exception cref="System.IO.InvalidDataException">The image has no usable partition table or claim partition.</exception>
        public DeviceRunOutcome Boot(bool once, CancellationToken cancellation)
        {
            while (!cancellation.IsCancellationRequested)
            {
                RunResult? result;
                using (var image = DeviceImage.Open(_imagePath))
                {
                    Boots++;
                    MacAddress = image.MacAddress;
                    Raise("Booting", 0);
                    _options.FlashOpened?.Invoke(image.Chip);
                    result = RunOnce(image, cancellation);
                }

                if (result is null)
                {
                    return DeviceRunOutcome.NoClaim;
                }

                switch (result.Outcome)
                {
                    case RunOutcome.Operational:
                        ThingName = result.ThingName;
                        CertificatePem = result.Credentials is { } kept ? Encoding.UTF8.GetString(kept.CertificatePem) : "";
                        CertificateId = result.Credentials is { CertificateId.Length: > 0 } stored ? stored.CertificateId : IdOf(CertificatePem);
                        return DeviceRunOutcome.Operational;
                    case RunOutcome.RebootRequested:
                        _session.Disconnect();
                        if (once)
                        {
                            return DeviceRunOutcome.Rebooted;
                        }

                        break;
                    default:
                        _session.Disconnect();
                        return DeviceRunOutcome.Stopped;
                }
            }

            return DeviceRunOutcome.Stopped;
        }

        /// <summary>Publishes one heartbeat as the thing (QoS 1) on <c>nanofleet/things/THING/heartbeat</c>.</summary>
        /// <returns>Success, or Error when not operational or the session is gone.</returns>
        public HalStatus PublishHeartbeat()
        {
            if (ThingName.Length == 0)
            {
                return HalStatus.Error;
            }

            int sequence = Interlocked.Increment(ref _heartbeats);
            byte[] payload = Encoding.UTF8.GetBytes(
                "{\"thingName\":\"" + ThingName + "\",\"sequence\":" + sequence + ",\"uptimeSeconds\":" + (long)Uptime.TotalSeconds + "}");
            return _session.Publish(HeartbeatTopic(ThingName), payload, 0, payload.Length);
        }

        /// <summary>The heartbeat topic of a thing.</summary>
        public static string HeartbeatTopic(string thingName) => "nanofleet/things/" + thingName + "/heartbeat";

        /// <inheritdoc />
        public void Dispose() => _session.Dispose();

        // Null when a trusted-user image got no usable claim in its wait.
        private RunResult? RunOnce(DeviceImage image, CancellationToken cancellation)
        {
            ProvisioningClaim claim = image.Claim;
            ApplyEndpointOverride(claim);
            var log = _options.Log ?? SilentLog.Instance;
            if (claim.JustInTime)
            {
                return RunJustInTime(claim, log, cancellation);
            }

            ICredentialStore store = image.OpenCredentialStore(log);
            if (!claim.HasClaimCertificate && store.Load(new DeviceCredentials()) != StoreStatus.Success)
            {
                return AwaitTemporaryClaim(image, claim, store, log, cancellation);
            }

            return Run(NewRunner(image, claim, store, log), cancellation);
        }

        private ProvisioningRunner NewRunner(DeviceImage image, ProvisioningClaim claim, ICredentialStore store, ILogSink log)
        {
            var options = new ProvisioningOptionsBuilder()
                .WithClaimDefaults(claim)
                .WithStepTimeout(_options.StepTimeoutMilliseconds)
                .WithBackoff(_options.BackoffBaseMilliseconds, _options.BackoffCapMilliseconds, _options.MaxAttempts)
                .WithPermanentFailureBackoff(_options.PermanentFailureBackoffMilliseconds)
                .Build();
            var runner = new ProvisioningRunner(_session, new HostClock(_options.Time), _random, new FixedDeviceIdentity(image.MacAddress),
                _rebooter, log, store, _options.UseCsr ? new EcCsrSource() : null, claim, options);
            runner.StepChanged += (_, e) => Raise(e.StepName, e.Attempts);
            return runner;
        }

        private static RunResult Run(ProvisioningRunner runner, CancellationToken cancellation)
        {
            using (cancellation.Register(runner.Stop))
            {
                return runner.Run();
            }
        }

        /// <summary>A JITP image: the device's own certificate, no claim; connect as the thing its certificate names.</summary>
        private RunResult RunJustInTime(ProvisioningClaim image, ILogSink log, CancellationToken cancellation)
        {
            var machine = new JitpMachine(_options.BackoffBaseMilliseconds, _options.BackoffCapMilliseconds, _options.MaxAttempts,
                _options.PermanentFailureBackoffMilliseconds, _random);
            var runner = new JitpRunner(_session, new HostClock(_options.Time), log, image, machine);
            runner.StepChanged += (_, e) => Raise(e.StepName, e.Attempts);
            using (cancellation.Register(runner.Stop))
            {
                return runner.Run();
            }
        }

        /// <summary>AWS's certificate id (SHA-256 of the DER) of the first certificate in <paramref name="pem"/>; the device
        /// itself does not hash, so a JITP run leaves the id to the host.</summary>
        private static string IdOf(string pem)
        {
            if (pem.Length == 0)
            {
                return "";
            }

            using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem);
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(certificate.RawData));
        }

        private void ApplyEndpointOverride(ProvisioningClaim claim)
        {
            if (_options.EndpointOverride is not string endpoint)
            {
                return;
            }

            int colon = endpoint.LastIndexOf(':');
            claim.EndpointHost = colon < 0 ? endpoint : endpoint.Substring(0, colon);
            if (colon >= 0)
            {
                claim.EndpointPort = int.Parse(endpoint.Substring(colon + 1), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        private void Raise(string step, int attempts) =>
            StepChanged?.Invoke(this, new DeviceStepEventArgs(step, attempts, Uptime));

        private sealed class SilentLog : ILogSink
        {
            public static readonly SilentLog Instance = new SilentLog();

            public void Log(LogLevel level, string eventName, string detail)
            {
            }
        }
    }
}
