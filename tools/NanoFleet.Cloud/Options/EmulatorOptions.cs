using System;
using System.Net;

namespace NanoFleet.Cloud.Options
{
    /// <summary>Settings of a <see cref="FleetEmulator"/>; build them with <see cref="EmulatorOptionsBuilder"/>.</summary>
    public sealed class EmulatorOptions
    {
        /// <summary>The MQTT port AWS IoT Core uses for mTLS.</summary>
        public const int DefaultPort = 8883;

        /// <summary>The region in ARNs unless set: AWS's default region.</summary>
        public const string DefaultRegion = "us-east-1";

        /// <summary>The account id in ARNs unless set: the example account of AWS's documentation.</summary>
        public const string DefaultAccountId = "123456789012";

        /// <summary>The registry's file in the data directory: its presence is what makes a directory an emulator's.</summary>
        public const string RegistryFileName = "registry.db";

        /// <summary>Where the CA, the server certificate and registry.db live. Default ./.nanofleet-cloud.</summary>
        public string DataDirectory { get; internal set; } = ".nanofleet-cloud";

        /// <summary>The one address the broker listens on, and no other (an IPv6 address does not also take IPv4). Default 127.0.0.1.</summary>
        public IPAddress Address { get; internal set; } = IPAddress.Loopback;

        /// <summary>The broker's port; 0 picks a free one (see <see cref="FleetEmulator.Port"/>).</summary>
        public int Port { get; internal set; } = DefaultPort;

        /// <summary>The AWS region in the ARNs it builds (templateArn for the hook, policy resources). Default us-east-1.</summary>
        public string Region { get; internal set; } = DefaultRegion;

        /// <summary>The 12-digit AWS account id in the ARNs it builds. Default 123456789012.</summary>
        public string AccountId { get; internal set; } = DefaultAccountId;

        /// <summary>The emulator's clock: token expiry and timestamps. Certificates' X.509 validity always uses the real clock.</summary>
        public TimeProvider TimeProvider { get; internal set; } = TimeProvider.System;

        /// <summary>The key pair CreateKeysAndCertificate makes. Default RSA-2048, as AWS.</summary>
        public KeyAlgorithm KeyAlgorithm { get; internal set; } = KeyAlgorithm.Rsa2048;

        /// <summary>The pre-provisioning hook's URL (HTTP POST of AWS's Lambda input), or null for none.</summary>
        public Uri? HookUrl { get; internal set; }

        /// <summary>How long the hook may take before RegisterThing fails with ACCESS_DENIED. Default 5 s, AWS's hard limit.</summary>
        public TimeSpan HookTimeout { get; internal set; } = TimeSpan.FromSeconds(5);

        /// <summary>How long an ownership token lives. Default 1 h, as AWS.</summary>
        public TimeSpan TokenLifetime { get; internal set; } = TimeSpan.FromHours(1);

        /// <summary>When true, StartAsync also serves the loopback admin endpoint the CLI talks to.</summary>
        public bool AdminEndpoint { get; internal set; }

        /// <summary>When true, StartAsync also serves AWS IoT's control plane (REST + SigV4) on loopback.</summary>
        public bool ControlPlane { get; internal set; }

        /// <summary>The control plane's port on 127.0.0.1; 0 picks a free one (see <see cref="FleetEmulator.ControlPlanePort"/>).</summary>
        public int ControlPlanePort { get; internal set; }

        /// <summary>Connection caps, the TLS/CONNECT deadline and the packet size limit. Default <see cref="NetworkLimits.Default"/>.</summary>
        public NetworkLimits Network { get; internal set; } = NetworkLimits.Default;

        /// <summary>Faults active from the start, in <see cref="Faults.FaultInjector.Apply"/> syntax; null for none.</summary>
        public string? Faults { get; internal set; }
    }
}
