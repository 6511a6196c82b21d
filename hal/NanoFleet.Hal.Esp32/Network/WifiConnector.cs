using System;
using System.Net.NetworkInformation;
using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// Brings the Wi-Fi station up with the configuration stored on the device (written by nanoff
    /// --networkdeployment or the Device Explorer), waiting a bounded time for an IP address and a
    /// valid clock (TLS checks certificate dates). Reports each step as a log event:
    /// WifiNotConfigured, WifiConnecting, WifiJoining, WifiConnected, WifiFailed.
    /// </summary>
    /// <remarks>
    /// The ESP32 nanoCLR joins the stored network at boot only when the configuration carries
    /// AutoConnect (NF_ESP32_Wireless.cpp); a configuration without it is joined here explicitly, with
    /// automatic reconnection, which also stores AutoConnect for the next boots.
    /// </remarks>
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
            Wireless80211Configuration configuration = StoredConfiguration();
            if (configuration == null)
            {
                _log.Log(LogLevel.Error, "WifiNotConfigured", "no Wi-Fi station configuration is stored on the device; deploy one with nanoff --networkdeployment");
                return false;
            }

            string ssid = configuration.Ssid;
            bool joinsByItself = (configuration.Options & Wireless80211Configuration.ConfigurationOptions.AutoConnect) == Wireless80211Configuration.ConfigurationOptions.AutoConnect;
            _log.Log(LogLevel.Info, joinsByItself ? "WifiConnecting" : "WifiJoining",
                "SSID '" + ssid + "'" + (joinsByItself ? "" : " (stored without AutoConnect: joining it now and storing AutoConnect)")
                + ", waiting up to " + (timeoutMilliseconds / 1000) + " s for an address and the time");

            // Each attempt starts with no status or exception left over from the one before.
            WifiNetworkHelper.Reset();
            bool connected;
            using (var timeout = new CancellationTokenSource(timeoutMilliseconds))
            {
                connected = joinsByItself
                    ? WifiNetworkHelper.Reconnect(true, 0, timeout.Token)
                    : WifiNetworkHelper.ConnectDhcp(ssid, configuration.Password, WifiReconnectionKind.Automatic, true, 0, timeout.Token);
            }

            if (!connected)
            {
                _log.Log(LogLevel.Error, "WifiFailed", FailureReason());
                return false;
            }

            _log.Log(LogLevel.Info, "WifiConnected", "SSID '" + ssid + "', address " + StationAddress() + ", UTC " + DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss"));
            return true;
        }

        // The first stored configuration that names a network and is not disabled.
        private static Wireless80211Configuration StoredConfiguration()
        {
            foreach (Wireless80211Configuration configuration in Wireless80211Configuration.GetAllWireless80211Configurations())
            {
                bool disabled = (configuration.Options & Wireless80211Configuration.ConfigurationOptions.Disable) != 0;
                if (configuration.Ssid != null && configuration.Ssid.Length > 0 && !disabled)
                {
                    return configuration;
                }
            }

            return null;
        }

        // An exception while waiting for the network is recorded on System.Net's NetworkHelper (its
        // InternalWaitNetworkAvailable catches it), one before that on WifiNetworkHelper itself.
        private static string FailureReason()
        {
            if (NetworkHelper.Status == NetworkHelperStatus.ExceptionOccurred && NetworkHelper.HelperException != null)
            {
                return Describe(NetworkHelperStatus.ExceptionOccurred) + ": " + NetworkHelper.HelperException.Message;
            }

            Exception cause = WifiNetworkHelper.HelperException;
            return Describe(WifiNetworkHelper.Status) + (cause == null ? "" : ": " + cause.Message);
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
