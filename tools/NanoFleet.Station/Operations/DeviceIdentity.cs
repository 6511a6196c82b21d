using System;
using NanoFleet.Station.Targets;

namespace NanoFleet.Station.Operations
{
    /// <summary>Who the connected chip is: name, factory MAC and revision.</summary>
    /// <param name="ChipName">"ESP32".</param>
    /// <param name="Mac">Six bytes from eFuse.</param>
    /// <param name="Revision">major×100 + minor.</param>
    public sealed record DeviceIdentity(string ChipName, byte[] Mac, int Revision)
    {
        /// <summary>MAC as aa:bb:cc:dd:ee:ff, the form records and claim parameters use.</summary>
        public string MacText => string.Join(":", Array.ConvertAll(Mac, b => b.ToString("x2")));

        /// <summary>Revision as esptool prints it: "v3.1".</summary>
        public string RevisionText => $"v{Revision / 100}.{Revision % 100}";

        /// <summary>Reads the identity, each value confirmed by a second read.</summary>
        public static DeviceIdentity Read(EspTarget target)
        {
            ArgumentNullException.ThrowIfNull(target);
            string mac = StableRead.Of(() => Convert.ToHexString(target.ReadMac()), "the MAC from eFuse");
            int revision = StableRead.Of(target.ReadChipRevision, "the chip revision");
            return new DeviceIdentity(target.ChipName, Convert.FromHexString(mac), revision);
        }
    }
}
