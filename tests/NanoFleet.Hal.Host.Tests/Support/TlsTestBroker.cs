using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using MQTTnet.Server;

namespace NanoFleet.Hal.Host.Tests.Support
{
    /// <summary>
    /// A real MQTTnet broker on loopback with TLS and required client certificates that must chain
    /// to the test CA, as AWS IoT and the emulator require.
    /// </summary>
    public sealed class TlsTestBroker : IAsyncDisposable
    {
        private TlsTestBroker(MqttServer server, int port)
        {
            Server = server;
            Port = port;
        }

        /// <summary>The MQTTnet server, for hooks and injection.</summary>
        public MqttServer Server { get; }

        /// <summary>The TLS port on 127.0.0.1.</summary>
        public int Port { get; }

        /// <summary>Common names of the client certificates of every CONNECT the broker saw, in order.</summary>
        public ConcurrentQueue<string> ConnectedNames { get; } = new ConcurrentQueue<string>();

        /// <summary>Protocol versions of every CONNECT the broker saw, in order.</summary>
        public ConcurrentQueue<MQTTnet.Formatter.MqttProtocolVersion> ProtocolVersions { get; } = new ConcurrentQueue<MQTTnet.Formatter.MqttProtocolVersion>();

        /// <summary>Starts a broker presenting <paramref name="serverCertificate"/> and accepting clients of <paramref name="clientAuthority"/>.</summary>
        public static async Task<TlsTestBroker> StartAsync(X509Certificate2 serverCertificate, TestPki clientAuthority, SslProtocols protocols = SslProtocols.None)
        {
            for (int attempt = 0; ; attempt++)
            {
                int port = FreePort();
                var options = new MqttServerFactory().CreateServerOptionsBuilder()
                    .WithoutDefaultEndpoint()
                    .WithEncryptedEndpoint()
                    .WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
                    .WithEncryptedEndpointPort(port)
                    .WithEncryptionCertificate(serverCertificate)
                    .WithEncryptionSslProtocol(protocols)
                    .WithClientCertificate(
                        (object _, X509Certificate? cert, X509Chain? _, SslPolicyErrors _) =>
                            cert is not null && clientAuthority.Issued(X509CertificateLoader.LoadCertificate(cert.GetRawCertData())),
                        false)
                    .Build();
                var server = new MqttServerFactory().CreateMqttServer(options);
                var broker = new TlsTestBroker(server, port);
                server.ValidatingConnectionAsync += broker.RecordConnect;
                try
                {
                    await server.StartAsync();
                    return broker;
                }
                catch (SocketException) when (attempt < 5)
                {
                    // Another suite took the port between probe and bind; take another.
                    server.Dispose();
                }
            }
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            await Server.StopAsync();
            Server.Dispose();
        }

        private Task RecordConnect(ValidatingConnectionEventArgs e)
        {
            ConnectedNames.Enqueue(e.ClientCertificate?.GetNameInfo(X509NameType.SimpleName, false) ?? "");
            ProtocolVersions.Enqueue(e.ProtocolVersion);
            return Task.CompletedTask;
        }

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
    }
}
