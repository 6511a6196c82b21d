using System;
using System.Buffers;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Diagnostics.PacketInspection;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace NanoFleet.Hal.Host.Mqtt
{
    /// <summary>
    /// <see cref="IMqttSession"/> over MQTTnet's client, behaving like nanoFramework.M2Mqtt on an
    /// ESP32: MQTT 3.1.1, clean session, QoS 1, mTLS with the PEM certificate and key from the claim
    /// or device record, and a server certificate trusted only if it chains to the CA given with them.
    /// </summary>
    /// <remarks>
    /// Calls block the caller (the runner's thread) as they would on a device; MQTTnet raises the
    /// events on its own threads. Each <see cref="Connect"/> uses a fresh MQTTnet client, so late
    /// events of an old connection are told apart and dropped.
    /// </remarks>
    public sealed class MqttNetSession : IMqttSession, IDisposable
    {
        private readonly MqttSessionOptions _options;
        private readonly MqttClientFactory _factory = new MqttClientFactory();
        private readonly object _gate = new object();
        private IMqttClient? _client;
        private volatile bool _disconnectRequested;
        private int _lastPacketId;
        private long _bytesSent;
        private long _bytesReceived;

        /// <summary>Creates a session with default timing.</summary>
        public MqttNetSession()
            : this(new MqttSessionOptionsBuilder().Build())
        {
        }

        /// <summary>Creates a session.</summary>
        /// <param name="options">Timeouts and keep-alive.</param>
        public MqttNetSession(MqttSessionOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <inheritdoc />
        public event MqttMessageReceivedEventHandler? MessageReceived;

        /// <inheritdoc />
        public event MqttSubscribeAcknowledgedEventHandler? SubscribeAcknowledged;

        /// <inheritdoc />
        public event MqttConnectionLostEventHandler? ConnectionLost;

        /// <inheritdoc />
        public bool IsConnected => Current?.IsConnected == true;

        /// <summary>Why the last <see cref="Connect"/> failed, in words ("" after a success). Never holds a secret.</summary>
        public string LastConnectFailure { get; private set; } = "";

        /// <summary>MQTT packet bytes sent over every connection of this session (TLS overhead excluded).</summary>
        public long BytesSent => Interlocked.Read(ref _bytesSent);

        /// <summary>MQTT packet bytes received over every connection of this session (TLS overhead excluded).</summary>
        public long BytesReceived => Interlocked.Read(ref _bytesReceived);

        /// <inheritdoc />
        public MqttConnectResult Connect(MqttCredentials credentials)
        {
            if (credentials is null)
            {
                throw new ArgumentNullException(nameof(credentials));
            }

            Disconnect();
            if (!PemCertificates.TryLoadAuthorities(credentials.CaPem, out var authorities, out string reason)
                || !PemCertificates.TryLoadClientCertificate(credentials.CertificatePem, credentials.PrivateKeyPem, out var certificate, out reason))
            {
                LastConnectFailure = reason;
                return MqttConnectResult.BadCredentials;
            }

            var handshake = new TlsHandshakeObserver(authorities!);
            var client = _factory.CreateMqttClient();
            client.ApplicationMessageReceivedAsync += e => OnMessageReceived(client, e);
            client.DisconnectedAsync += e => OnDisconnected(client, e);
            client.InspectPacketAsync += OnPacket;
            _disconnectRequested = false;
            Current = client;

            MqttConnectResult result;
            using (var timeout = new CancellationTokenSource(_options.ConnectTimeout))
            {
                try
                {
                    var connack = client.ConnectAsync(BuildClientOptions(credentials, certificate!, handshake), timeout.Token).GetAwaiter().GetResult();
                    result = ConnectFailureClassifier.FromConnack(connack.ResultCode);
                    LastConnectFailure = result == MqttConnectResult.Success ? "" : "CONNACK " + connack.ResultCode;
                }
                catch (Exception ex)
                {
                    result = ConnectFailureClassifier.FromException(ex, handshake.Verdict, timeout.IsCancellationRequested);
                    LastConnectFailure = ConnectFailureClassifier.Describe(ex, handshake.Verdict);
                }
            }

            if (result != MqttConnectResult.Success)
            {
                Current = null;
                client.Dispose();
            }

            return result;
        }

        /// <inheritdoc />
        /// <remarks>
        /// <paramref name="packetId"/> is a session-local id (1–65535) that the matching
        /// <see cref="SubscribeAcknowledged"/> echoes; MQTTnet picks the id on the wire itself.
        /// Returns <see cref="HalStatus.Error"/> when not connected and BadParameter for an empty filter.
        /// </remarks>
        public HalStatus Subscribe(string topicFilter, out int packetId)
        {
            packetId = 0;
            if (string.IsNullOrEmpty(topicFilter))
            {
                return HalStatus.BadParameter;
            }

            var client = Current;
            if (client is null || !client.IsConnected)
            {
                return HalStatus.Error;
            }

            int id = NextPacketId();
            packetId = id;
            var subscribe = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            client.SubscribeAsync(subscribe, CancellationToken.None).ContinueWith(
                t => OnSubscribeCompleted(client, id, t),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return HalStatus.Success;
        }

        /// <inheritdoc />
        /// <remarks>Blocks until the PUBACK arrives or the publish timeout passes.</remarks>
        public HalStatus Publish(string topic, byte[] payload, int offset, int count)
        {
            if (string.IsNullOrEmpty(topic) || payload is null || offset < 0 || count < 0 || offset > payload.Length - count)
            {
                return HalStatus.BadParameter;
            }

            var client = Current;
            if (client is null || !client.IsConnected)
            {
                return HalStatus.Error;
            }

            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(new ArraySegment<byte>(payload, offset, count).ToArray())
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            try
            {
                using var timeout = new CancellationTokenSource(_options.PublishTimeout);
                var puback = client.PublishAsync(message, timeout.Token).GetAwaiter().GetResult();
                return puback.IsSuccess ? HalStatus.Success : HalStatus.Error;
            }
            catch (Exception ex) when (ex is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
            {
                return HalStatus.Error;
            }
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            _disconnectRequested = true;
            var client = Current;
            if (client is null)
            {
                return;
            }

            Current = null;
            try
            {
                if (client.IsConnected)
                {
                    using var timeout = new CancellationTokenSource(_options.PublishTimeout);
                    client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).GetAwaiter().GetResult();
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException)
            {
                // The peer is already gone; a polite DISCONNECT has nobody to reach.
            }
            finally
            {
                client.Dispose();
            }
        }

        /// <summary>Closes the connection if there is one.</summary>
        public void Dispose() => Disconnect();

        private MqttClientOptions BuildClientOptions(MqttCredentials credentials, X509Certificate2 certificate, TlsHandshakeObserver handshake)
        {
            var builder = new MqttClientOptionsBuilder().WithTcpServer(credentials.Host, credentials.Port);
            if (PemCertificates.ChainAfterLeaf(credentials.CertificatePem) is { Count: > 0 } chain)
            {
                builder.WithStreamProvider(new ChainPresentingStreamProvider(credentials.Host, certificate, chain, handshake));
            }
            else
            {
                builder.WithTlsOptions(TlsOptions(credentials, certificate, handshake));
            }

            TimeSpan ackTimeout = _options.ConnectTimeout > _options.PublishTimeout ? _options.ConnectTimeout : _options.PublishTimeout;
            return builder
                .WithClientId(credentials.ClientId)
                .WithProtocolVersion(MqttProtocolVersion.V311)
                .WithCleanSession(true)
                .WithKeepAlivePeriod(_options.KeepAlive)
                .WithTimeout(ackTimeout)
                .Build();
        }

        private static MqttClientTlsOptions TlsOptions(MqttCredentials credentials, X509Certificate2 certificate, TlsHandshakeObserver handshake) =>
            new MqttClientTlsOptionsBuilder()
                .UseTls()
                .WithTargetHost(credentials.Host)
                .WithClientCertificates(new X509Certificate2Collection(certificate))
                .WithCertificateValidationHandler(handshake.Validate)
                .Build();

        private IMqttClient? Current
        {
            get
            {
                lock (_gate)
                {
                    return _client;
                }
            }

            set
            {
                lock (_gate)
                {
                    _client = value;
                }
            }
        }

        private bool TryForget(IMqttClient client)
        {
            lock (_gate)
            {
                if (_client != client)
                {
                    return false;
                }

                _client = null;
                return true;
            }
        }

        private int NextPacketId()
        {
            // MQTT packet ids are 1–65535; wrap without ever handing out 0.
            return (int)((uint)Interlocked.Increment(ref _lastPacketId) % 65535u) + 1;
        }

        private Task OnMessageReceived(IMqttClient client, MqttApplicationMessageReceivedEventArgs e)
        {
            if (client == Current)
            {
                var message = e.ApplicationMessage;
                MessageReceived?.Invoke(this, new MqttMessageReceivedEventArgs(message.Topic, message.Payload.ToArray()));
            }

            return Task.CompletedTask;
        }

        private void OnSubscribeCompleted(IMqttClient client, int packetId, Task<MqttClientSubscribeResult> subscribe)
        {
            // A SUBSCRIBE that failed on the wire has no SUBACK; the drop surfaces as ConnectionLost.
            if (client != Current || !subscribe.IsCompletedSuccessfully)
            {
                return;
            }

            bool granted = subscribe.Result.Items.Count > 0;
            foreach (var item in subscribe.Result.Items)
            {
                granted &= item.ResultCode <= MqttClientSubscribeResultCode.GrantedQoS2;
            }

            SubscribeAcknowledged?.Invoke(this, new MqttSubscribeAcknowledgedEventArgs(packetId, granted));
        }

        private Task OnDisconnected(IMqttClient client, MqttClientDisconnectedEventArgs e)
        {
            if (e.ClientWasConnected && !_disconnectRequested && TryForget(client))
            {
                // Not disposed here: MQTTnet is still inside this client's own callback.
                Task.Run(client.Dispose);
                string reason = e.Exception is null ? e.Reason.ToString() : e.Reason + ": " + e.Exception.GetBaseException().Message;
                ConnectionLost?.Invoke(this, new MqttConnectionLostEventArgs(reason));
            }

            return Task.CompletedTask;
        }

        private Task OnPacket(InspectMqttPacketEventArgs e)
        {
            if (e.Direction == MqttPacketFlowDirection.Outbound)
            {
                Interlocked.Add(ref _bytesSent, e.Buffer.Length);
            }
            else
            {
                Interlocked.Add(ref _bytesReceived, e.Buffer.Length);
            }

            return Task.CompletedTask;
        }
    }
}
