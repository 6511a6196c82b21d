using System;
using System.Net.NetworkInformation;

namespace NanoFleet.Hal.Esp32
{
    /// <summary>The device's identity from hardware: the Wi-Fi station interface's MAC address.</summary>
    public sealed class Esp32DeviceIdentity : IDeviceIdentity
    {
        /// <summary>Reads the station MAC once; it does not change while the device runs.</summary>
        /// <exception cref="InvalidOperationException">The firmware has no Wi-Fi station interface.</exception>
        public Esp32DeviceIdentity()
        {
            MacAddress = ReadStationMac();
        }

        /// <inheritdoc />
        public string MacAddress { get; }

        private static string ReadStationMac()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            foreach (NetworkInterface candidate in interfaces)
            {
                if (candidate.NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                {
                    string mac = MacAddressText.Format(candidate.PhysicalAddress);
                    if (mac != null)
                    {
                        return mac;
                    }
                }
            }

            throw new InvalidOperationException("Failed to read the device MAC: no Wi-Fi station interface with a 6-byte address.");
        }
    }
}
