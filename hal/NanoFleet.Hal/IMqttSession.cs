namespace NanoFleet.Hal
{
    /// <summary>Raised for every PUBLISH the broker delivers.</summary>
    public delegate void MqttMessageReceivedEventHandler(object sender, MqttMessageReceivedEventArgs e);

    /// <summary>Raised when a SUBACK arrives.</summary>
    public delegate void MqttSubscribeAcknowledgedEventHandler(object sender, MqttSubscribeAcknowledgedEventArgs e);

    /// <summary>Raised when an established session drops without our asking.</summary>
    public delegate void MqttConnectionLostEventHandler(object sender, MqttConnectionLostEventArgs e);

    /// <summary>
    /// One MQTT client connection. Calls may block (the runner owns the thread that makes them);
    /// events may fire on any thread, and the runner queues them.
    /// </summary>
    public interface IMqttSession
    {
        /// <summary>A message arrived on a subscribed topic.</summary>
        event MqttMessageReceivedEventHandler MessageReceived;

        /// <summary>A SUBACK arrived.</summary>
        event MqttSubscribeAcknowledgedEventHandler SubscribeAcknowledged;

        /// <summary>The session dropped (not raised by <see cref="Disconnect"/>).</summary>
        event MqttConnectionLostEventHandler ConnectionLost;

        /// <summary>True while a session is established.</summary>
        bool IsConnected { get; }

        /// <summary>Opens an mTLS session with clean session set. Blocks up to the HAL's connect timeout.</summary>
        /// <returns>Success, NetworkError, CredentialsRejected, ServerUntrusted, BadCredentials or Error.</returns>
        MqttConnectResult Connect(MqttCredentials credentials);

        /// <summary>Sends SUBSCRIBE for one filter at QoS 1. The SUBACK arrives as <see cref="SubscribeAcknowledged"/>.</summary>
        /// <param name="topicFilter">The topic filter.</param>
        /// <param name="packetId">The packet id the SUBACK will carry.</param>
        /// <returns>Success, or NetworkError when not connected.</returns>
        HalStatus Subscribe(string topicFilter, out int packetId);

        /// <summary>Publishes <paramref name="count"/> bytes of <paramref name="payload"/> at QoS 1.</summary>
        /// <returns>Success, BadParameter, or Error when the session is gone.</returns>
        HalStatus Publish(string topic, byte[] payload, int offset, int count);

        /// <summary>Closes the session politely. Idempotent; raises no event.</summary>
        void Disconnect();
    }
}
