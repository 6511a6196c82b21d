using System;

namespace NanoFleet.Cli.Installer
{
    /// <summary>One thing the installer did or the device reported, as a line for the installer's screen (never a secret).</summary>
    public sealed class InstallerProgressEventArgs : EventArgs
    {
        /// <summary>Creates the args.</summary>
        public InstallerProgressEventArgs(string stage, string detail)
        {
            Stage = stage;
            Detail = detail;
        }

        /// <summary>A short stable name: HELLO, CLAIM, RECEIVED, NACK, PROVISIONING, THING, FAILED.</summary>
        public string Stage { get; }

        /// <summary>What it means here.</summary>
        public string Detail { get; }
    }
}
