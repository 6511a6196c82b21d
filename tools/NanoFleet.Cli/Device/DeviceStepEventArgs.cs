using System;

namespace NanoFleet.Cli.Device
{
    /// <summary>A virtual device entered a provisioning step (or booted, or became operational).</summary>
    public sealed class DeviceStepEventArgs : EventArgs
    {
        /// <summary>Creates the args.</summary>
        public DeviceStepEventArgs(string step, int attempts, TimeSpan at)
        {
            Step = step;
            Attempts = attempts;
            At = at;
        }

        /// <summary>The step's stable name, e.g. "RegisteringThing", or "Booting".</summary>
        public string Step { get; }

        /// <summary>Transient failures in a row so far.</summary>
        public int Attempts { get; }

        /// <summary>Time since the device was first powered on.</summary>
        public TimeSpan At { get; }
    }
}
