using System;

namespace NanoFleet.Cli.Demo
{
    /// <summary>What `nanofleet demo` was asked to do.</summary>
    public sealed class DemoOptions
    {
        /// <summary>How many virtual devices (1–500).</summary>
        public int Devices { get; init; } = 3;

        /// <summary>Keep the workspace here instead of a deleted temp directory.</summary>
        public string? KeepDirectory { get; init; }

        /// <summary>Turn on the emulator's fault injection so retries show.</summary>
        public bool Faults { get; init; }

        /// <summary>Use CBOR instead of JSON for the provisioning API.</summary>
        public bool Cbor { get; init; }

        /// <summary>The provisioning path.</summary>
        public DemoFlow Flow { get; init; } = DemoFlow.Claim;

        /// <summary>Give up after this long.</summary>
        public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

        /// <summary>The fault spec `--faults` applies (emulator syntax): a dropped response, a dropped
        /// connection, a 500 on RegisterThing and RegisterThing throttled to 2/s.</summary>
        public const string FaultSpec = "drop=1;disconnect=1;reject=RegisterThing:InternalFailureException:500:1;throttle=RegisterThing:2";
    }
}
