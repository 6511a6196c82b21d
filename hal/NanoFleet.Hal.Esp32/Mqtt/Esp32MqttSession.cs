using System;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;

namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// An MQTT 3.1.1 session over TLS 1.2 with a client certificate (mutual TLS), on nanoFramework.M2Mqtt.
    /// M2Mqtt's events are bridged onto <see cref="IMqttSession"/>'s; a failed connect is sorted by
    /// <see cref="ConnectFailure"/> so a refused certificate is told apart from a missing network.
    /// The private key exists only as a byte buffer owned by this session and is wiped once the
    /// connection is closed; the PEM strings are never stored.
    /// </summary>
    /// <remarks>
    /// M2Mqtt's Subscribe and Publish only queue the packet for its own sending thread, so their
    /// <see cref="HalStatus.Success"/> means "queued". A QoS 1 publish the broker still has not
    /// acknowledged after M2Mqtt's retries is reported only by MqttMsgPublished with IsPublished false;
    /// the session then closes the connection and raises <see cref="ConnectionLost"/>, which the core
    /// treats like a failed publish (a broken session). A SUBACK that never comes raises nothing in
    /// M2Mqtt; the core's step timeout covers it.
    /// </remarks>
    public sealed class Esp32MqttSession : IMqttSession
    {
        private const ushort KeepAliveSeconds = 60;

        private readonly ILogSink _log;
        private readonly object _gate = new object();
        private MqttClient _client;
        private byte[] _keyBytes;

        /// <summary>Creates a session that is not connected.</summary>
        /// <param name="log">Receives the cause of each failed connect (exception type and code, never secrets).</param>
        public Esp32MqttSession(ILogSink log)
        {
            _log = log;
        }

        /// <inheritdoc />
        public event MqttMessageReceivedEventHandler MessageReceived;

        /// <inheritdoc />
        public event MqttSubscribeAcknowledgedEventHandler SubscribeAcknowledged;

        /// <inheritdoc />
        public event MqttConnectionLostEventHandler ConnectionLost;

        /// <inheritdoc />
        public bool IsConnected
        {
            get
            {
                MqttClient client = _client;
                return client != null && client.IsConnected;
            }
        }

        /// <summary>
        /// The connected M2Mqtt client, for the application once provisioning hands over; null when not connected.
        /// </summary>
        public MqttClient Client => _client;

        /// <inheritdoc />
        public MqttConnectResult Connect(MqttCredentials credentials)
        {
            Disconnect();

            byte[] caBytes = PemBytes.WithTerminator(credentials.CaPem);
            byte[] certificateBytes = PemBytes.WithTerminator(credentials.CertificatePem);
            byte[] keyBytes = PemBytes.WithTerminator(credentials.PrivateKeyPem);
            if (caBytes == null || certificateBytes == null || keyBytes == null)
            {
                PemBytes.Wipe(keyBytes);
                return MqttConnectResult.BadCredentials;
            }

            X509Certificate ca;
            X509Certificate2 clientCertificate;
            try
            {
                // Both constructors parse natively and throw on malformed input, before any network use.
                ca = new X509Certificate(caBytes);
                clientCertificate = new X509Certificate2(certificateBytes, keyBytes, "");
            }
            catch (Exception)
            {
                PemBytes.Wipe(keyBytes);
                return MqttConnectResult.BadCredentials;
            }

            MqttClient client;
            try
            {
                // The constructor resolves the host name (Dns.GetHostEntry): failing here is the network.
                client = new MqttClient(credentials.Host, credentials.Port, true, ca, clientCertificate, MqttSslProtocols.TLSv1_2);
            }
            catch (Exception)
            {
                PemBytes.Wipe(keyBytes);
                return MqttConnectResult.NetworkError;
            }

            MqttConnectResult result = Open(client, credentials.ClientId);
            if (result != MqttConnectResult.Success)
            {
                Close(client);
                PemBytes.Wipe(keyBytes);
                return result;
            }

            lock (_gate)
            {
                _client = client;
                _keyBytes = keyBytes;
            }

            return MqttConnectResult.Success;
        }

        /// <inheritdoc />
        /// <remarks>Success means M2Mqtt queued the SUBSCRIBE; the SUBACK arrives as <see cref="SubscribeAcknowledged"/>.</remarks>
        public HalStatus Subscribe(string topicFilter, out int packetId)
        {
            packetId = 0;
            if (topicFilter == null || topicFilter.Length == 0)
            {
                return HalStatus.BadParameter;
            }

            MqttClient client = _client;
            if (client == null || !client.IsConnected)
            {
                return HalStatus.Error;
            }

            try
            {
                packetId = client.Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce });
                return HalStatus.Success;
            }
            catch (Exception)
            {
                return HalStatus.Error;
            }
        }

        /// <inheritdoc />
        /// <remarks>Success means M2Mqtt queued the PUBLISH; one the broker never acknowledges ends the session (<see cref="ConnectionLost"/>).</remarks>
        public HalStatus Publish(string topic, byte[] payload, int offset, int count)
        {
            if (topic == null || topic.Length == 0 || payload == null || offset < 0 || count < 0 || offset > payload.Length - count)
            {
                return HalStatus.BadParameter;
            }

            MqttClient client = _client;
            if (client == null || !client.IsConnected)
            {
                return HalStatus.Error;
            }

            byte[] message = payload;
            if (offset != 0 || count != payload.Length)
            {
                // M2Mqtt sends whole arrays only.
                message = new byte[count];
                Array.Copy(payload, offset, message, 0, count);
            }

            try
            {
                client.Publish(topic, message, null, null, MqttQoSLevel.AtLeastOnce, false);
                return HalStatus.Success;
            }
            catch (Exception)
            {
                return HalStatus.Error;
            }
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            MqttClient client;
            byte[] keyBytes;
            lock (_gate)
            {
                client = _client;
                keyBytes = _keyBytes;
                _client = null;
                _keyBytes = null;
            }

            if (client != null)
            {
                try
                {
                    if (client.IsConnected)
                    {
                        client.Disconnect();
                    }
                }
                catch (Exception)
                {
                    // Best effort: the socket may already be gone; Close below releases everything.
                }

                Close(client);
            }

            PemBytes.Wipe(keyBytes);
        }

        private MqttConnectResult Open(MqttClient client, string clientId)
        {
            client.MqttMsgPublishReceived += OnPublishReceived;
            client.MqttMsgSubscribed += OnSubscribed;
            client.MqttMsgPublished += OnPublished;
            client.ConnectionClosed += OnConnectionClosed;
            try
            {
                MqttReasonCode code = client.Connect(clientId, null, null, false, MqttQoSLevel.AtMostOnce, false, null, null, true, KeepAliveSeconds);
                return ConnectFailure.FromConnack((int)code);
            }
            catch (MqttConnectionException ex)
            {
                // M2Mqtt wraps whatever opening the TLS connection threw (MqttClient.Connect). The core logs
                // the class of failure; this is the raw cause behind it.
                _log.Log(LogLevel.Warning, "MqttConnectFailed", ConnectFailure.Describe(ex.InnerException));
                return ConnectFailure.FromConnectException(ex.InnerException);
            }
            catch (MqttCommunicationException)
            {
                // No CONNACK in time, or the broker dropped the socket after CONNECT.
                return MqttConnectResult.NetworkError;
            }
            catch (Exception ex)
            {
                _log.Log(LogLevel.Warning, "MqttConnectFailed", ConnectFailure.Describe(ex));
                return MqttConnectResult.Error;
            }
        }

        private void Detach(MqttClient client)
        {
            client.MqttMsgPublishReceived -= OnPublishReceived;
            client.MqttMsgSubscribed -= OnSubscribed;
            client.MqttMsgPublished -= OnPublished;
            client.ConnectionClosed -= OnConnectionClosed;
        }

        private void Close(MqttClient client)
        {
            Detach(client);
            try
            {
                client.Close();
            }
            catch (Exception)
            {
                // M2Mqtt's Close is best effort too; nothing more to release.
            }
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            if (sender == _client)
            {
                MessageReceived?.Invoke(this, new MqttMessageReceivedEventArgs(e.Topic, e.Message));
            }
        }

        private void OnSubscribed(object sender, MqttMsgSubscribedEventArgs e)
        {
            if (sender != _client)
            {
                return;
            }

            // One filter per SUBSCRIBE: its single return code is granted below 0x80 (0x80 = failure).
            MqttQoSLevel[] granted = e.GrantedQoSLevels;
            bool ok = granted != null && granted.Length > 0 && (int)granted[0] < 0x80;
            SubscribeAcknowledged?.Invoke(this, new MqttSubscribeAcknowledgedEventArgs(e.MessageId, ok));
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            if (e.IsPublished)
            {
                return;
            }

            // M2Mqtt gave up on this QoS 1 publish: the broker is not answering, so the session is of no
            // further use. Close it (M2Mqtt's Close only waits a bounded time for its own threads).
            MqttClient client = Drop(sender, "the broker did not acknowledge publish " + e.MessageId + " after M2Mqtt's retries");
            if (client != null)
            {
                Close(client);
            }
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            // M2Mqtt has already closed the channel on the thread raising this event.
            Drop(sender, "the broker closed the connection or the network dropped");
        }

        // Forgets the current client when it is the sender, wipes its key and raises ConnectionLost; returns
        // the client dropped, or null when the event came from a client this session no longer owns (our own
        // Disconnect clears _client first, so it raises nothing).
        private MqttClient Drop(object sender, string reason)
        {
            MqttClient client;
            byte[] keyBytes;
            lock (_gate)
            {
                if (sender != _client)
                {
                    return null;
                }

                client = _client;
                keyBytes = _keyBytes;
                _client = null;
                _keyBytes = null;
            }

            Detach(client!);
            PemBytes.Wipe(keyBytes);
            ConnectionLost?.Invoke(this, new MqttConnectionLostEventArgs(reason));
            return client;
        }
    }
}
