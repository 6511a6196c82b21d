// API declaration of nanoframework/System.Device.Wifi:System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs
// (package nanoFramework.System.Device.Wifi, assembly System.Device.Wifi).
#nullable disable
using System;
using System.Threading;

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static ManualResetEvent NetworkReady => throw new NotImplementedException();

        public static NetworkHelperStatus Status => throw new NotImplementedException();

        public static Exception HelperException => throw new NotImplementedException();

        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw new NotImplementedException();

        public static bool ConnectDhcp(string ssid, string password, System.Device.Wifi.WifiReconnectionKind reconnectionKind = System.Device.Wifi.WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw new NotImplementedException();

        public static void Disconnect() => throw new NotImplementedException();
    }
}

namespace System.Device.Wifi
{
    // nanoframework/System.Device.Wifi:System.Device.Wifi/WifiReconnectionKind.cs
    public enum WifiReconnectionKind
    {
        Automatic = 0,
        Manual = 1,
    }
}
