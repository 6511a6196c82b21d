using System;
using System.Threading;

namespace NanoFleet.Hal.Host.Reboot
{
    /// <summary>
    /// The host's reboot: it only records the request and returns. The provisioning runner then
    /// returns from Run with RebootRequested, and whoever boots the device (a virtual device, or
    /// `device run --once`, which exits with its own code) starts again from flash.
    /// </summary>
    public sealed class HostRebooter : IRebooter
    {
        private int _count;

        /// <summary>Raised on the caller's thread each time the core asks for a reboot.</summary>
        public event EventHandler? Rebooting;

        /// <summary>How many reboots were asked for.</summary>
        public int Count => Volatile.Read(ref _count);

        /// <inheritdoc />
        public void Reboot()
        {
            Interlocked.Increment(ref _count);
            Rebooting?.Invoke(this, EventArgs.Empty);
        }
    }
}
