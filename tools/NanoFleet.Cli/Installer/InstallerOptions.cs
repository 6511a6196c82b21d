using System;

namespace NanoFleet.Cli.Installer
{
    /// <summary>The installer's timeouts and retries.</summary>
    public sealed class InstallerOptions
    {
        /// <summary>How long to wait for the device's HELLO (it says one every 2 s while it waits).</summary>
        public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(30);

        /// <summary>How long to wait for RECEIVED or NACK after sending the claim.</summary>
        public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(5);

        /// <summary>How often the claim is sent when it goes unanswered or arrives corrupted.</summary>
        public int MaxSends { get; init; } = 3;

        /// <summary>How long provisioning may take once the device has the claim.</summary>
        public TimeSpan ProvisioningTimeout { get; init; } = TimeSpan.FromSeconds(120);

        /// <summary>HOST:PORT the device should connect to instead of the endpoint in its claim partition; "" for that one.</summary>
        public string DeviceEndpoint { get; init; } = "";
    }
}
