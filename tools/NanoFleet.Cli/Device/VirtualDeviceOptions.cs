using System;
using NanoFleet.Hal;
using NanoFleet.Hal.Host.Flash;

namespace NanoFleet.Cli.Device
{
    /// <summary>How a <see cref="VirtualDevice"/> runs: where it logs, its timing, and test hooks.</summary>
    public sealed class VirtualDeviceOptions
    {
        /// <summary>Names the device in log lines and progress rows.</summary>
        public string Name { get; init; } = "device";

        /// <summary>Receives the core's structured events; silent when null.</summary>
        public ILogSink? Log { get; init; }

        /// <summary>The device's clock. Tests share it with the emulator.</summary>
        public TimeProvider Time { get; init; } = TimeProvider.System;

        /// <summary>Timeout of each provisioning step, in milliseconds (the core's default is 15 s).</summary>
        public int StepTimeoutMilliseconds { get; init; } = 15000;

        /// <summary>Ceiling of the first retry delay, in milliseconds.</summary>
        public int BackoffBaseMilliseconds { get; init; } = 1000;

        /// <summary>Largest retry delay, in milliseconds.</summary>
        public int BackoffCapMilliseconds { get; init; } = 60000;

        /// <summary>Transient failures in a row before the long backoff.</summary>
        public int MaxAttempts { get; init; } = 6;

        /// <summary>The long wait after a permanent failure (hook denied, claim revoked), in milliseconds.</summary>
        public int PermanentFailureBackoffMilliseconds { get; init; } = 900000;

        /// <summary>When set, connects here instead of the endpoint in the claim partition (e.g. "127.0.0.1:8883").</summary>
        public string? EndpointOverride { get; init; }

        /// <summary>Make the key pair on the device and use CreateCertificateFromCsr (the key never leaves it).</summary>
        public bool UseCsr { get; init; }

        /// <summary>Seeds the backoff jitter; unpredictable when null.</summary>
        public int? RandomSeed { get; init; }

        /// <summary>The serial line a trusted-user image (no claim in flash) waits on for an installer's temporary claim.</summary>
        public ISerialLine? ClaimLine { get; init; }

        /// <summary>How long a trusted-user image waits for a claim before it gives up (the firmware then sleeps), in milliseconds.</summary>
        public int ClaimWaitMilliseconds { get; init; } = 600000;

        /// <summary>Time between HELLOs while it waits, in milliseconds.</summary>
        public int ClaimHelloIntervalMilliseconds { get; init; } = 2000;

        /// <summary>Called with the chip after every boot opens the image, so tests can arm power cuts.</summary>
        public Action<NorFlash>? FlashOpened { get; init; }
    }
}
