using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace NanoFleet.Cloud.Tests.Support
{
    /// <summary>A simulated device: an MQTTnet client over mTLS that trusts only the emulator's CA.</summary>
    public sealed class TestDevice : IAsyncDisposable
    {
        private readonly IMqttClient _client;
        private readonly Channel<MqttApplicationMessage> _received = Channel.CreateUnbounded<MqttApplicationMessage>();
        private readonly ConcurrentDictionary<string, byte> _subscribed = new();
        private readonly TaskCompletionSource _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private TestDevice(IMqttClient client)
        {
            _client = client;
            _client.ApplicationMessageReceivedAsync += e =>
            {
                _received.Writer.TryWrite(e.ApplicationMessage);
                return Task.CompletedTask;
            };
            _client.DisconnectedAsync += _ =>
            {
                _disconnected.TrySetResult();
                return Task.CompletedTask;
            };
        }

        public bool IsConnected => _client.IsConnected;

        /// <summary>The QoS <see cref="RequestAsync"/> subscribes and publishes with: QoS 1 like AWS's SDKs, or QoS 0 like the STM32 port.</summary>
        public MqttQualityOfServiceLevel RequestQos { get; set; } = MqttQualityOfServiceLevel.AtLeastOnce;

        /// <summary>Completes when the server closes the connection.</summary>
        public Task Disconnected => _disconnected.Task;

        /// <param name="sourceAddress">The loopback address to connect from (127.0.0.2, …), to look like another host; the system's choice by default.</param>
        public static async Task<TestDevice> ConnectAsync(
            int port, string caPem, string certificatePem, string privateKeyPem, string? clientId = null,
            MqttProtocolVersion version = MqttProtocolVersion.V311, string? username = null, System.Net.IPAddress? sourceAddress = null)
        {
            var client = new MqttClientFactory().CreateMqttClient();
            var device = new TestDevice(client);
            var options = Options(port, caPem, certificatePem, privateKeyPem, clientId, version, username);
            if (sourceAddress is not null)
            {
                ((MqttClientTcpOptions)options.ChannelOptions).LocalEndpoint = new System.Net.IPEndPoint(sourceAddress, 0);
            }

            var result = await client.ConnectAsync(options);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                client.Dispose();
                throw new InvalidOperationException($"CONNECT refused: {result.ResultCode}");
            }

            return device;
        }

        /// <param name="username">The CONNECT username: AWS's SDKs put metrics there ("?SDK=…"); identity never comes from it.</param>
        public static MqttClientOptions Options(int port, string caPem, string certificatePem, string privateKeyPem, string? clientId, MqttProtocolVersion version,
            string? username = null)
        {
            var ca = X509Certificate2.CreateFromPem(caPem);
            var identity = X509Certificate2.CreateFromPem(certificatePem, privateKeyPem);
            return new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port)
                .WithClientId(clientId ?? "dev-" + Guid.NewGuid().ToString("N")[..12])
                .WithCredentials(username)
                .WithProtocolVersion(version)
                .WithTimeout(TimeSpan.FromSeconds(10))
                .WithTlsOptions(new MqttClientTlsOptionsBuilder()
                    .UseTls()
                    .WithTargetHost("localhost")
                    .WithSslProtocols(System.Security.Authentication.SslProtocols.Tls12)
                    .WithClientCertificates(new X509Certificate2Collection(identity))
                    .WithCertificateValidationHandler(args =>
                    {
                        using var chain = new X509Chain();
                        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                        chain.ChainPolicy.CustomTrustStore.Add(ca);
                        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                        return chain.Build(new X509Certificate2(args.Certificate));
                    })
                    .Build())
                .Build();
        }

        public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string filter, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce,
            CancellationToken cancellationToken = default)
        {
            var result = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, qos).Build(), cancellationToken);
            var code = Assert.Single(result.Items).ResultCode;
            if ((int)code < 0x80)
            {
                _subscribed[filter] = 0;
            }

            return code;
        }

        public Task PublishAsync(string topic, byte[] payload, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce,
            CancellationToken cancellationToken = default, bool retain = false) =>
            _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos)
                .WithRetainFlag(retain).Build(), cancellationToken);

        /// <summary>Subscribes to the request's accepted and rejected topics (once), publishes, and returns the answer,
        /// all at <see cref="RequestQos"/>.</summary>
        public async Task<ApiResponse> RequestAsync(string topic, byte[] payload, TimeSpan? timeout = null)
        {
            foreach (string suffix in new[] { "/accepted", "/rejected" })
            {
                if (!_subscribed.ContainsKey(topic + suffix))
                {
                    Assert.Equal((MqttClientSubscribeResultCode)RequestQos, await SubscribeAsync(topic + suffix, RequestQos));
                }
            }

            await PublishAsync(topic, payload, RequestQos);
            var message = await NextAsync(timeout ?? TimeSpan.FromSeconds(20));
            Assert.StartsWith(topic + "/", message.Topic);
            return new ApiResponse(message.Topic, message.Topic.EndsWith("/accepted", StringComparison.Ordinal),
                TestPayloads.Decode(message.Payload.ToArray(), topic.EndsWith("cbor", StringComparison.Ordinal)), message.QualityOfServiceLevel);
        }

        /// <summary>The next message received, or a TimeoutException.</summary>
        public async Task<MqttApplicationMessage> NextAsync(TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                return await _received.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no message within {timeout.TotalSeconds} s");
            }
        }

        /// <summary>True when nothing arrives within <paramref name="wait"/>.</summary>
        public async Task<bool> NothingWithinAsync(TimeSpan wait)
        {
            try
            {
                await NextAsync(wait);
                return false;
            }
            catch (TimeoutException)
            {
                return true;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
            {
                try
                {
                    await _client.DisconnectAsync();
                }
                catch (Exception)
                {
                }
            }

            _client.Dispose();
        }
    }

    /// <summary>An answer: which topic, the decoded body, and the QoS it was delivered with.</summary>
    public sealed record ApiResponse(string Topic, bool Accepted, Dictionary<string, object?> Body, MqttQualityOfServiceLevel Qos)
    {
        public string Text(string key) => Assert.IsType<string>(Body[key]);

        public Dictionary<string, object?> Map(string key) => Assert.IsType<Dictionary<string, object?>>(Body[key]);
    }
}
