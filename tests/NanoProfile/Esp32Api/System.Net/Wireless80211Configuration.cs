// API declaration of nanoframework/System.Net:nanoFramework.System.Net/NetworkInformation/Wireless80211Configuration.cs
// (the Wi-Fi station configuration stored in the device's config block).
#nullable disable
using System;

namespace System.Net.NetworkInformation
{
    public class Wireless80211Configuration
    {
        public Wireless80211Configuration(uint id) => throw new NotImplementedException();

        public string Ssid { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public string Password { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public uint Id => throw new NotImplementedException();

        public void SaveConfiguration() => throw new NotImplementedException();

        public static Wireless80211Configuration[] GetAllWireless80211Configurations() => throw new NotImplementedException();
    }
}
