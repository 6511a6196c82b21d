// API declaration of nanoframework/System.Net:nanoFramework.System.Net/NetworkInformation/NetworkInterface.cs
// and NetworkInterfaceType.cs.
#nullable disable
using System;

namespace System.Net.NetworkInformation
{
    public class NetworkInterface
    {
        protected NetworkInterface(int interfaceIndex) => throw new NotImplementedException();

        public static bool GetIsNetworkAvailable() => throw new NotImplementedException();

        public static NetworkInterface[] GetAllNetworkInterfaces() => throw new NotImplementedException();

        public string IPv4Address => throw new NotImplementedException();

        public bool IsDhcpEnabled => throw new NotImplementedException();

        public byte[] PhysicalAddress { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public NetworkInterfaceType NetworkInterfaceType => throw new NotImplementedException();

        public uint SpecificConfigId { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
    }

    public enum NetworkInterfaceType
    {
        Unknown = 1,
        Ethernet = 6,
        Wireless80211 = 71,
        WirelessAP = 72,
    }
}
