using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;
using NanoFleet.Cloud.Options;

namespace NanoFleet.Cloud.Internal.Network
{
    /// <summary>
    /// The broker's TCP+TLS front door, in place of MQTTnet's own listener, which binds IPv6 `[::]` beside the
    /// IPv4 address it is given, has no deadline on the TLS handshake, no connection caps and no packet size limit.
    /// This one binds exactly one address, admits through the <see cref="ConnectionGate"/>, gives TLS and the
    /// first MQTT packet one deadline together, and frames every read through <see cref="MqttPacketLimitStream"/>.
    /// What it hands MQTTnet is the same channel adapter MQTTnet's listener would have built.
    /// </summary>
    internal sealed class GuardedTlsListener : IMqttServerAdapter
    {
        private readonly IPEndPoint _endpoint;
        private readonly X509Certificate2 _serverCertificate;
        private readonly RemoteCertificateValidationCallback _validateClient;
        private readonly Func<SslStream, bool> _admitAfterHandshake;
        private readonly NetworkLimits _limits;
        private readonly ConnectionGate _gate;
        private readonly NetworkReport _report;
        private CancellationTokenSource? _stopping;
        private Socket? _socket;
        private Task _accepting = Task.CompletedTask;
        private MqttServerOptions? _serverOptions;
        private IMqttNetLogger? _logger;

        /// <param name="admitAfterHandshake">Called once TLS is up; false closes the connection before any MQTT (AWS closes a JITP
        /// device's first connection so).</param>
        public GuardedTlsListener(IPEndPoint endpoint, X509Certificate2 serverCertificate, RemoteCertificateValidationCallback validateClient,
            Func<SslStream, bool> admitAfterHandshake, NetworkLimits limits, EmulatorLog log)
        {
            _admitAfterHandshake = admitAfterHandshake;
            _endpoint = endpoint;
            _serverCertificate = serverCertificate;
            _validateClient = validateClient;
            _limits = limits;
            _gate = new ConnectionGate(limits);
            _report = new NetworkReport(log, _gate);
        }

        public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

        /// <summary>The bound endpoint (the real port when 0 was asked for).</summary>
        public IPEndPoint LocalEndPoint => (IPEndPoint)(_socket?.LocalEndPoint ?? throw new InvalidOperationException("The listener is not started."));

        /// <summary>Open connections: pending and established.</summary>
        public int OpenConnections => _gate.Open;

        /// <summary>Connections that have not yet finished TLS and their first MQTT packet.</summary>
        public int PendingConnections => _gate.PendingCount;

        public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
        {
            _serverOptions = options;
            _logger = logger;
            var socket = new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (_endpoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false; // `::` means IPv6 only: IPv4 was not asked for
            }

            try
            {
                socket.Bind(_endpoint);
                socket.Listen(4096);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            _socket = socket;
            _stopping = new CancellationTokenSource();
            _accepting = Task.Run(() => AcceptLoopAsync(socket, _stopping.Token));
            return Task.CompletedTask;
        }

        public async Task StopAsync()
        {
            if (_stopping is null)
            {
                return;
            }

            _stopping.Cancel();
            _socket?.Dispose();
            await _accepting.ConfigureAwait(false);
            _stopping.Dispose();
            _stopping = null;
        }

        public void Dispose() => StopAsync().GetAwaiter().GetResult();

        private async Task AcceptLoopAsync(Socket listener, CancellationToken stopping)
        {
            while (!stopping.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await listener.AcceptAsync(stopping).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException)
                {
                    // Out of descriptors, or the peer reset before accept: pause briefly rather than spin, then go on.
                    _report.Count(NetworkEvent.AcceptFailed);
                    await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
                    continue;
                }

                // Admission happens here, before any work is queued: when the thread pool falls behind a flood,
                // what waits for it is at most the admitted connections, never every socket accepted.
                if (client.RemoteEndPoint is not IPEndPoint remote)
                {
                    client.Dispose(); // reset before we could ask who it was
                    continue;
                }

                var connection = _gate.TryAdmit(client, remote.Address, out var evicted);
                if (evicted is not null)
                {
                    _report.Count(NetworkEvent.Evicted);
                }

                if (connection is null)
                {
                    _report.Count(NetworkEvent.Refused);
                    client.Dispose();
                    continue;
                }

                connection.AbortAfter(_limits.HandshakeTimeout);
                _ = Task.Run(() => ServeAsync(connection, remote, stopping), CancellationToken.None);
            }
        }

        private async Task ServeAsync(GatedConnection connection, IPEndPoint remote, CancellationToken stopping)
        {
            var network = new NetworkStream(connection.Socket, ownsSocket: true);
            var ssl = new SslStream(network, false, _validateClient);
            using var stopped = stopping.Register(connection.Abort);
            var abort = connection.Aborted.Register(connection.Socket.Dispose); // until the first packet: the deadline or an eviction closes it
            try
            {
                // Wait for the first byte without a buffer (a zero-byte read): an idle socket costs no TLS state,
                // and one that speaks moves behind the idle ones in the eviction order.
                await connection.Socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, connection.Aborted).ConfigureAwait(false);
                _gate.MarkSpeaking(connection);
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _serverCertificate,
                    ClientCertificateRequired = true,
                    EnabledSslProtocols = SslProtocols.Tls12,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                    EncryptionPolicy = EncryptionPolicy.RequireEncryption,
                }, connection.Aborted).ConfigureAwait(false);
                if (!_admitAfterHandshake(ssl))
                {
                    return;
                }

                var framed = new MqttPacketLimitStream(ssl, _limits.MaxPacketSize,
                    firstPacketEnded: () =>
                    {
                        if (_gate.Establish(connection))
                        {
                            abort.Unregister();
                        }
                    },
                    tooLarge: () => _report.Count(NetworkEvent.PacketTooLarge));
                // IsSecureConnection reads false for a wrapped stream; identity comes from the certificate, never from that flag.
                var channel = new MqttTcpChannel(framed, _endpoint, remote, ssl.RemoteCertificate as X509Certificate2);
                var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(_serverOptions!.WriterBufferSize, _serverOptions.WriterBufferSizeMax));
                using var adapter = new MqttChannelAdapter(channel, formatter, _logger!);
                if (ClientHandler is { } handler)
                {
                    await handler(adapter).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                _report.Count(connection.Aborted.IsCancellationRequested ? NetworkEvent.TimedOutOrEvicted
                    : ex is AuthenticationException ? NetworkEvent.HandshakeFailed : NetworkEvent.Dropped);
            }
            finally
            {
                abort.Unregister();
                _gate.Release(connection);
                await ssl.DisposeAsync().ConfigureAwait(false);
                connection.Dispose();
            }
        }
    }
}
