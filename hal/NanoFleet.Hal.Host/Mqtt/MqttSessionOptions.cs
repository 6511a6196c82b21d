using System;

namespace NanoFleet.Hal.Host.Mqtt
{
    /// <summary>Timing of an <see cref="MqttNetSession"/>. Built and validated by <see cref="MqttSessionOptionsBuilder"/>.</summary>
    public sealed class MqttSessionOptions
    {
        internal MqttSessionOptions()
        {
        }

        /// <summary>How long <see cref="MqttNetSession.Connect"/> may take from TCP connect to CONNACK.</summary>
        public TimeSpan ConnectTimeout { get; internal set; } = TimeSpan.FromSeconds(10);

        /// <summary>How long a QoS 1 publish waits for its PUBACK before it counts as failed.</summary>
        public TimeSpan PublishTimeout { get; internal set; } = TimeSpan.FromSeconds(10);

        /// <summary>MQTT keep-alive; 60 s is nanoFramework.M2Mqtt's default.</summary>
        public TimeSpan KeepAlive { get; internal set; } = TimeSpan.FromSeconds(60);
    }
}
