using System;

namespace NanoFleet.Provisioning
{
    /// <summary>Raised on the runner's thread when the device is connected as its thing.</summary>
    public delegate void ProvisioningBecameOperationalEventHandler(object sender, BecameOperationalEventArgs e);

    /// <summary>The thing a device now runs as.</summary>
    public sealed class BecameOperationalEventArgs : EventArgs
    {
        /// <summary>Creates the args.</summary>
        public BecameOperationalEventArgs(string thingName)
        {
            ThingName = thingName;
        }

        /// <summary>The thing name from the device record.</summary>
        public string ThingName { get; }
    }
}
