using System;

namespace NanoFleet.Hal.Host.Identity
{
    /// <summary>A device identity whose MAC was fixed when its flash image was built.</summary>
    public sealed class FixedDeviceIdentity : IDeviceIdentity
    {
        /// <summary>Creates the identity.</summary>
        /// <param name="macAddress">Six bytes of hex, with or without ':' or '-' separators.</param>
        /// <exception cref="ArgumentException">The text is not a MAC.</exception>
        public FixedDeviceIdentity(string macAddress)
        {
            if (!Identity.MacAddress.TryNormalize(macAddress, out string normalized))
            {
                throw new ArgumentException($"'{macAddress}' is not a MAC address (expected six hex bytes, e.g. a4:cf:12:00:34:56).", nameof(macAddress));
            }

            MacAddress = normalized;
        }

        /// <inheritdoc />
        public string MacAddress { get; }

        /// <inheritdoc />
        public override string ToString() => Identity.MacAddress.ToDisplay(MacAddress);
    }
}
