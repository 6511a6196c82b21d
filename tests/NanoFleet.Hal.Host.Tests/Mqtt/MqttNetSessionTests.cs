using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;
using NanoFleet.Hal.Host.Mqtt;
using NanoFleet.Hal.Host.Tests.Support;
using Xunit;

namespace NanoFleet.Hal.Host.Tests.Mqtt
{
    /// <summary>The host MQTT session against a real MQTTnet broker with TLS and required client certificates.</summary>
    public sealed class MqttNetSessionTests : IAsyncLifetime
    {
        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
        private readonly TestPki _pki = TestPki.Create();
        private TlsTestBroker _broker = null!;

        public async Task InitializeAsync() => _broker = await TlsTestBroker.StartAsync(_pki.IssueServer(), _pki);

        public async Task DisposeAsync()
        {
            await _broker.DisposeAsync();
            _pki.Dispose();
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Connect_ValidClientCertificate_HappyPath(bool rsa)
        {
            using var session = NewSession();
            var result = session.Connect(Credentials(_pki.IssueClient("thing-001", rsa)));

            Assert.Equal(MqttConnectResult.Success, result);
            Assert.True(session.IsConnected);
            Assert.Equal("thing-001", Assert.Single(_broker.ConnectedNames));
            Assert.Equal(MqttProtocolVersion.V311, Assert.Single(_broker.ProtocolVersions));
        }

        [Fact]
        public void Connect_ByHostName_HappyPath()
        {
            using var session = NewSession();
            var pair = _pki.IssueClient("thing-001");
            var result = session.Connect(Pems("localhost", _broker.Port, "c1", _pki.AuthorityPem, pair.CertificatePem, pair.PrivateKeyPem));

            Assert.Equal(MqttConnectResult.Success, result);
        }

        [Fact]
        public void Connect_ClientCertificateFromAnotherCa_CredentialsRejected()
        {
            using var stranger = TestPki.Create("Stranger CA");
            using var session = NewSession();

            var result = session.Connect(Credentials(stranger.IssueClient("thing-001")));

            Assert.Equal(MqttConnectResult.CredentialsRejected, result);
            Assert.False(session.IsConnected);
            Assert.Empty(_broker.ConnectedNames);
        }

        [Fact]
        public async Task Connect_ClientCertificateRejectedInTls12Handshake_CredentialsRejected()
        {
            // TLS 1.2 fails the handshake itself with the server's alert (TLS 1.3 closes after it).
            await using var tls12 = await TlsTestBroker.StartAsync(_pki.IssueServer(), _pki, SslProtocols.Tls12);
            using var stranger = TestPki.Create("Stranger CA");
            using var session = NewSession();

            var result = session.Connect(Credentials(stranger.IssueClient("thing-001"), tls12.Port));

            Assert.Equal(MqttConnectResult.CredentialsRejected, result);
            Assert.Empty(tls12.ConnectedNames);
        }

        [Fact]
        public void Connect_ConnackNotAuthorized_CredentialsRejected()
        {
            _broker.Server.ValidatingConnectionAsync += e =>
            {
                e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
                return Task.CompletedTask;
            };
            using var session = NewSession();

            var result = session.Connect(Credentials(_pki.IssueClient("revoked-thing")));

            Assert.Equal(MqttConnectResult.CredentialsRejected, result);
            Assert.Contains("NotAuthorized", session.LastConnectFailure);
        }

        [Fact]
        public void Connect_ServerCertificateFromAnotherCa_ServerUntrusted()
        {
            using var otherCa = TestPki.Create("Other CA");
            using var session = NewSession();
            var pair = _pki.IssueClient("thing-001");

            var result = session.Connect(Pems("127.0.0.1", _broker.Port, "c1", otherCa.AuthorityPem, pair.CertificatePem, pair.PrivateKeyPem));

            Assert.Equal(MqttConnectResult.ServerUntrusted, result);
            Assert.Empty(_broker.ConnectedNames);
        }

        [Fact]
        public async Task Connect_ServerCertificateForAnotherHost_ServerUntrusted()
        {
            await using var elsewhere = await TlsTestBroker.StartAsync(_pki.IssueServer("iot.example.com"), _pki);
            using var session = NewSession();
            var pair = _pki.IssueClient("thing-001");

            var result = session.Connect(Pems("localhost", elsewhere.Port, "c1", _pki.AuthorityPem, pair.CertificatePem, pair.PrivateKeyPem));

            Assert.Equal(MqttConnectResult.ServerUntrusted, result);
        }

        [Fact]
        public void Connect_NothingListening_NetworkError()
        {
            using var session = NewSession();
            int closedPort = ClosedPort();

            var result = session.Connect(Credentials(_pki.IssueClient("thing-001"), closedPort));

            Assert.Equal(MqttConnectResult.NetworkError, result);
        }

        [Fact]
        public void Connect_PeerNeverAnswers_NetworkErrorWithinTimeout()
        {
            using var silent = new TcpListener(IPAddress.Loopback, 0);
            silent.Start();
            using var session = new MqttNetSession(new MqttSessionOptionsBuilder().WithConnectTimeout(TimeSpan.FromMilliseconds(700)).Build());
            var started = DateTime.UtcNow;

            var result = session.Connect(Credentials(_pki.IssueClient("thing-001"), ((IPEndPoint)silent.LocalEndpoint).Port));

            Assert.Equal(MqttConnectResult.NetworkError, result);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the connect timeout was not honoured");
        }

        [Theory]
        [InlineData("not a pem", "ok", "ok")]
        [InlineData("ok", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", "ok")]
        [InlineData("ok", "other-key", "ok")]
        [InlineData("ok", "ok", "garbage")]
        public void Connect_UnusablePem_BadCredentials(string certificate, string key, string ca)
        {
            var pair = _pki.IssueClient("thing-001");
            var other = _pki.IssueClient("thing-002");
            using var session = NewSession();

            var result = session.Connect(Pems(
                "127.0.0.1",
                _broker.Port,
                "c1",
                ca == "ok" ? _pki.AuthorityPem : ca,
                certificate == "ok" ? pair.CertificatePem : certificate,
                key == "ok" ? pair.PrivateKeyPem : key == "other-key" ? other.PrivateKeyPem : key));

            Assert.Equal(MqttConnectResult.BadCredentials, result);
            Assert.Empty(_broker.ConnectedNames);
            Assert.DoesNotContain("PRIVATE KEY", session.LastConnectFailure);
        }

        [Fact]
        public void Subscribe_Granted_RaisesSubscribeAcknowledgedWithItsPacketId()
        {
            using var session = ConnectedSession();
            var acks = new BlockingCollection<MqttSubscribeAcknowledgedEventArgs>();
            session.SubscribeAcknowledged += (_, e) => acks.Add(e);

            Assert.Equal(HalStatus.Success, session.Subscribe("$aws/certificates/create/json/accepted", out int first));
            Assert.Equal(HalStatus.Success, session.Subscribe("$aws/certificates/create/json/rejected", out int second));

            Assert.NotEqual(first, second);
            Assert.InRange(first, 1, 65535);
            var received = new[] { Take(acks), Take(acks) };
            Assert.Equal(new[] { first, second }.OrderBy(x => x), received.Select(a => a.PacketId).OrderBy(x => x));
            Assert.All(received, a => Assert.True(a.Granted));
        }

        [Fact]
        public void Subscribe_RefusedByBroker_NotGranted()
        {
            _broker.Server.InterceptingSubscriptionAsync += e =>
            {
                e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
                return Task.CompletedTask;
            };
            using var session = ConnectedSession();
            var acks = new BlockingCollection<MqttSubscribeAcknowledgedEventArgs>();
            session.SubscribeAcknowledged += (_, e) => acks.Add(e);

            Assert.Equal(HalStatus.Success, session.Subscribe("$aws/things/other/shadow/#", out int id));

            var ack = Take(acks);
            Assert.Equal(id, ack.PacketId);
            Assert.False(ack.Granted);
        }

        [Fact]
        public void Subscribe_NotConnected_ErrorAndNoPacketId()
        {
            using var session = NewSession();

            Assert.Equal(HalStatus.Error, session.Subscribe("a/b", out int id));
            Assert.Equal(0, id);
        }

        [Fact]
        public async Task Publish_ReachesBrokerAndResponseComesBack()
        {
            var published = new TaskCompletionSource<(string Topic, byte[] Payload)>(TaskCreationOptions.RunContinuationsAsynchronously);
            _broker.Server.InterceptingPublishAsync += async e =>
            {
                if (e.ClientId == "responder")
                {
                    return;
                }

                published.TrySetResult((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
                var reply = new MqttApplicationMessageBuilder().WithTopic(e.ApplicationMessage.Topic + "/accepted").WithPayload(new byte[] { 0xA1, 0x00, 0xFF }).Build();
                await _broker.Server.InjectApplicationMessage(new InjectedMqttApplicationMessage(reply) { SenderClientId = "responder" }, e.CancellationToken);
            };
            using var session = ConnectedSession();
            var acks = new BlockingCollection<MqttSubscribeAcknowledgedEventArgs>();
            var messages = new BlockingCollection<MqttMessageReceivedEventArgs>();
            session.SubscribeAcknowledged += (_, e) => acks.Add(e);
            session.MessageReceived += (_, e) => messages.Add(e);
            session.Subscribe("$aws/certificates/create/cbor/accepted", out _);
            Take(acks);

            byte[] buffer = { 0xEE, 0xA0, 0xEE };
            Assert.Equal(HalStatus.Success, session.Publish("$aws/certificates/create/cbor", buffer, 1, 1));

            var request = await published.Task.WaitAsync(Wait);
            Assert.Equal("$aws/certificates/create/cbor", request.Topic);
            Assert.Equal(new byte[] { 0xA0 }, request.Payload);
            var response = Take(messages);
            Assert.Equal("$aws/certificates/create/cbor/accepted", response.Topic);
            Assert.Equal(new byte[] { 0xA1, 0x00, 0xFF }, response.Payload);
            Assert.True(session.BytesSent > 0 && session.BytesReceived > 0);
        }

        [Fact]
        public void Publish_BadArguments_BadParameter()
        {
            using var session = ConnectedSession();

            Assert.Equal(HalStatus.BadParameter, session.Publish("t", new byte[2], 1, 2));
            Assert.Equal(HalStatus.BadParameter, session.Publish("", new byte[2], 0, 2));
            Assert.Equal(HalStatus.BadParameter, session.Publish("t", null!, 0, 0));
        }

        [Fact]
        public void Publish_NotConnected_Error()
        {
            using var session = NewSession();

            Assert.Equal(HalStatus.Error, session.Publish("t", Encoding.UTF8.GetBytes("{}"), 0, 2));
        }

        [Fact]
        public async Task ServerDropsClient_RaisesConnectionLostOnce()
        {
            using var session = ConnectedSession("dropme");
            var lost = new BlockingCollection<MqttConnectionLostEventArgs>();
            session.ConnectionLost += (_, e) => lost.Add(e);

            await _broker.Server.DisconnectClientAsync("dropme", new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.AdministrativeAction });

            Take(lost);
            Assert.False(session.IsConnected);
            Assert.False(lost.TryTake(out _, 300));
            Assert.Equal(HalStatus.Error, session.Publish("t", new byte[1], 0, 1));
        }

        [Fact]
        public void Disconnect_RequestedRaisesNothingAndIsIdempotent()
        {
            using var session = ConnectedSession();
            int lost = 0;
            session.ConnectionLost += (_, _) => Interlocked.Increment(ref lost);

            session.Disconnect();
            session.Disconnect();
            Thread.Sleep(300);

            Assert.False(session.IsConnected);
            Assert.Equal(0, lost);
        }

        [Fact]
        public void Connect_AgainAfterDisconnect_UsesTheNewCredentials()
        {
            using var session = ConnectedSession("claim");
            Assert.Equal(MqttConnectResult.Success, session.Connect(Credentials(_pki.IssueClient("thing-007"))));

            Assert.Equal(new[] { "claim", "thing-007" }, _broker.ConnectedNames.ToArray());
            Assert.True(session.IsConnected);
        }

        private static MqttNetSession NewSession() =>
            new MqttNetSession(new MqttSessionOptionsBuilder().WithConnectTimeout(TimeSpan.FromSeconds(5)).Build());

        private static T Take<T>(BlockingCollection<T> queue)
        {
            Assert.True(queue.TryTake(out var item, Wait), "no event within " + Wait);
            return item!;
        }

        private static int ClosedPort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        private MqttNetSession ConnectedSession(string commonName = "thing-001")
        {
            var session = NewSession();
            Assert.Equal(MqttConnectResult.Success, session.Connect(Credentials(_pki.IssueClient(commonName), clientId: commonName)));
            return session;
        }

        /// <summary>Credentials from PEM text, as UTF-8 bytes the way the core holds them.</summary>
        private static MqttCredentials Pems(string host, int port, string clientId, string caPem, string certificatePem, string privateKeyPem) =>
            new MqttCredentials(host, port, clientId, Encoding.UTF8.GetBytes(caPem), Encoding.UTF8.GetBytes(certificatePem), Encoding.UTF8.GetBytes(privateKeyPem));

        private MqttCredentials Credentials(PemPair pair, int port = 0, string clientId = "esp32-test") =>
            Pems("127.0.0.1", port == 0 ? _broker.Port : port, clientId, _pki.AuthorityPem, pair.CertificatePem, pair.PrivateKeyPem);
    }
}
