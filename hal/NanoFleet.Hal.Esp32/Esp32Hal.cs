namespace NanoFleet.Hal.Esp32
{
    /// <summary>Every HAL service of an ESP32 in one place, built once at boot.</summary>
    public sealed class Esp32Hal
    {
        /// <summary>Builds the HAL. Reads the station MAC, so call it after the network stack is up.</summary>
        /// <param name="log">The log sink every part reports to.</param>
        public Esp32Hal(ILogSink log)
        {
            Log = log;
            Flash = new Esp32Flash();
            Clock = new Esp32Clock();
            Random = new Esp32Random();
            Identity = new Esp32DeviceIdentity();
            Rebooter = new Esp32Rebooter();
            Mqtt = new Esp32MqttSession(log);
            ClaimLine = new Esp32SerialLine();
        }

        /// <summary>The log sink.</summary>
        public ILogSink Log { get; }

        /// <summary>Partitions by label through the native interop.</summary>
        public Esp32Flash Flash { get; }

        /// <summary>Monotonic and wall time.</summary>
        public Esp32Clock Clock { get; }

        /// <summary>Hardware-backed randomness for backoff jitter.</summary>
        public Esp32Random Random { get; }

        /// <summary>The station MAC.</summary>
        public Esp32DeviceIdentity Identity { get; }

        /// <summary>Chip reset.</summary>
        public Esp32Rebooter Rebooter { get; }

        /// <summary>The claim UART a trusted user's installer talks to (UART2, GPIO17 TX / GPIO16 RX).</summary>
        public Esp32SerialLine ClaimLine { get; }

        /// <summary>The one MQTT session (M2Mqtt, mTLS) the provisioning core and then the application use.</summary>
        public Esp32MqttSession Mqtt { get; }
    }
}
