using System;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;

namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// Brings the Wi-Fi station up with the configuration stored on the device (written by nanoff
    /// --networkdeployment or the Device Explorer), waiting a bounded time for an IP address and a
    /// valid clock (TLS checks certificate dates). Reports each step as a log event:
    /// WifiNotConfigured, WifiConnecting, WifiConnected, WifiFailed.
    /// </summary>
    public sealed class WifiConnector
    {
        private readonly ILogSink _log;

        /// <summary>Creates a connector that reports to <paramref name="log"/>.</summary>
        public WifiConnector(ILogSink log)
        {
            _log = log;
        }

        /// <summary>Connects and waits at most <paramref name="timeoutMilliseconds"/>.</summary>
        /// <returns>True once the station has an IP address and the clock is set.</returns>
        public bool Connect(int timeoutMilliseconds)
        {
            string? ssid = StoredSsid();
            if (ssid == null)
            {
                _log.Log(LogLevel.Error, "WifiNotConfigured", "no Wi-Fi station configuration is stored on the device; deploy one with nanoff --networkdeployment");
                return false;
            }

            _log.Log(LogLevel.Info, "WifiConnecting", "SSID '" + ssid + "', waiting up to " + (timeoutMilliseconds / 1000) + " s for an address and the time");
            bool connected;
            using (var timeout = new CancellationTokenSource(timeoutMilliseconds))
            {
                connected = WifiNetworkHelper.Reconnect(true, 0, timeout.Token);
            }

            if (!connected)
            {
                Exception? cause = WifiNetworkHelper.HelperException;
                _log.Log(LogLevel.Error, "WifiFailed", Describe(WifiNetworkHelper.Status) + (cause == null ? "" : ": " + cause.Message));
                return false;
            }

            _log.Log(LogLevel.Info, "WifiConnected", "SSID '" + ssid + "', address " + StationAddress() + ", UTC " + DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss"));
            return true;
        }

        private static string? StoredSsid()
        {
            Wireless80211Configuration[] configurations = Wireless80211Configuration.GetAllWireless80211Configurations();
            foreach (Wireless80211Configuration configuration in configurations)
            {
                if (configuration.Ssid != null && configuration.Ssid.Length > 0)
                {
                    return configuration.Ssid;
                }
            }

            return null;
        }

        private static string StationAddress()
        {
            foreach (NetworkInterface candidate in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (candidate.NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                {
                    return candidate.IPv4Address;
                }
            }

            return "unknown";
        }

        // Enum.ToString() gives the number on nanoFramework, so the reasons are spelled out here.
        private static string Describe(NetworkHelperStatus status)
        {
            switch (status)
            {
                case NetworkHelperStatus.FailedNoNetworkInterface: return "no network interface is configured";
                case NetworkHelperStatus.TokenExpiredWaitingIPAddress: return "timed out waiting for an IP address (wrong password, out of range, or no DHCP)";
                case NetworkHelperStatus.TokenExpiredWaitingDateTime: return "timed out waiting for the time (SNTP unreachable)";
                case NetworkHelperStatus.ErrorConnetingToWiFiWhileScanning: return "could not join the network";
                case NetworkHelperStatus.ExceptionOccurred: return "the network helper failed";
                default: return "not connected (status " + (int)status + ")";
            }
        }
    }
}
