using System;

namespace NanoFleet.Hal.Host.Mqtt
{
    /// <summary>Fluent builder for <see cref="MqttSessionOptions"/>; validates in <see cref="Build"/>.</summary>
    /// <example><code>
    /// var options = new MqttSessionOptionsBuilder().WithConnectTimeout(TimeSpan.FromSeconds(5)).Build();
    /// </code></example>
    public sealed class MqttSessionOptionsBuilder
    {
        private readonly MqttSessionOptions _options = new MqttSessionOptions();

        /// <summary>Sets the limit from TCP connect to CONNACK.</summary>
        public MqttSessionOptionsBuilder WithConnectTimeout(TimeSpan value)
        {
            _options.ConnectTimeout = value;
            return this;
        }

        /// <summary>Sets how long a publish waits for its PUBACK.</summary>
        public MqttSessionOptionsBuilder WithPublishTimeout(TimeSpan value)
        {
            _options.PublishTimeout = value;
            return this;
        }

        /// <summary>Sets the MQTT keep-alive period.</summary>
        public MqttSessionOptionsBuilder WithKeepAlive(TimeSpan value)
        {
            _options.KeepAlive = value;
            return this;
        }

        /// <summary>Checks and returns the options.</summary>
        /// <exception cref="InvalidOperationException">A timeout is not positive, or the keep-alive does not fit MQTT's 16-bit seconds field.</exception>
        public MqttSessionOptions Build()
        {
            if (_options.ConnectTimeout <= TimeSpan.Zero || _options.PublishTimeout <= TimeSpan.Zero)
            {
                throw new InvalidOperationException("The connect and publish timeouts must be positive.");
            }

            if (_options.KeepAlive < TimeSpan.FromSeconds(1) || _options.KeepAlive.TotalSeconds > ushort.MaxValue)
            {
                throw new InvalidOperationException("The keep-alive must be between 1 s and 65535 s.");
            }

            return _options;
        }
    }
}
