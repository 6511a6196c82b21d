using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using NanoFleet.Hal;
using NanoFleet.Provisioning;

namespace NanoFleet.Firmware
{
    /// <summary>
    /// YOUR APPLICATION STARTS HERE. Program.cs calls <see cref="Run"/> once the device is provisioned
    /// and connected to AWS IoT as its own thing. Replace the body with your device's work; keep the
    /// signature. This placeholder announces itself once and then idles.
    /// </summary>
    public static class Application
    {
        /// <summary>Runs the device application; does not return.</summary>
        /// <param name="thingName">The AWS IoT thing this device was registered as.</param>
        /// <param name="deviceConfiguration">The provisioning template's DeviceConfiguration.</param>
        /// <param name="client">An M2Mqtt client connected (mTLS) with the device's own certificate.</param>
        /// <param name="log">The firmware's log sink.</param>
        public static void Run(string thingName, StringMap deviceConfiguration, MqttClient client, ILogSink log)
        {
            log.Log(LogLevel.Info, "ApplicationStarted", "thing " + thingName + ", " + deviceConfiguration.Count + " configuration entries");
            // Under the thing's own prefix: the fleet template's policy (as the demo's) allows publishing only there.
            string topic = "nanofleet/things/" + thingName + "/status";
            client.Publish(topic, Ascii("{\"state\":\"online\"}"), null, null, MqttQoSLevel.AtLeastOnce, false);
            Thread.Sleep(Timeout.Infinite);
        }

        // The placeholder needs no text encoding package; a real application would use System.Text.Encoding.UTF8.
        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }
    }
}
