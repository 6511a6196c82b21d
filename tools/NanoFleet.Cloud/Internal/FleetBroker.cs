using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;
using NanoFleet.Cloud.Events;
using NanoFleet.Cloud.Internal.Network;
using NanoFleet.Cloud.Internal.Policies;
using NanoFleet.Cloud.Jitp;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>
    /// The MQTTnet server with AWS IoT Core's behaviour: TLS 1.2 with a required client certificate from
    /// our CA through <see cref="GuardedTlsListener"/> (caps, deadlines, packet size), identity from that
    /// certificate, claim certificates confined to their template's provisioning topics, no client publishing
    /// to reserved topics, iot:Receive on every delivery, responses enqueued on the requesting session only,
    /// QoS 2 ignored.
    /// </summary>
    internal sealed class FleetBroker : IAsyncDisposable
    {
        private const string SessionKey = "nanofleet.session";
        private readonly EmulatorContext _context;
        private readonly ProvisioningService _service;
        private readonly JitpProvisioner _jitp;

        // What the TLS validation learnt about a certificate from a registered CA, for the check after the handshake
        // (only the validation callback sees the chain the client sent). Keyed by the SslStream, gone with it.
        private readonly ConditionalWeakTable<object, JitpPresentation> _presentations = new();
        private readonly ConcurrentDictionary<string, ClientSession> _clients = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
        private readonly CancellationTokenSource _stopping = new();
        private MqttServer? _server;
        private GuardedTlsListener? _listener;

        public FleetBroker(EmulatorContext context)
        {
            _context = context;
            _service = new ProvisioningService(context);
            _jitp = new JitpProvisioner(context);
        }

        public event EventHandler<RequestCompletedEventArgs>? RequestCompleted;

        public int Port { get; private set; }

        public int ConnectedClients => _clients.Count;

        /// <summary>TCP connections open, authenticated or not.</summary>
        public int OpenConnections => _listener?.OpenConnections ?? 0;

        public async Task StartAsync()
        {
            var options = _context.Options;
            var listener = new GuardedTlsListener(new IPEndPoint(options.Address, options.Port), _context.Ca.ServerCertificate,
                ValidateClientCertificate, AdmitAfterHandshake, options.Network, _context.Log);
            var serverOptions = new MqttServerFactory().CreateServerOptionsBuilder()
                .WithoutDefaultEndpoint() // the listener above is the only way in
                .WithPersistentSessions(false)
                .Build();
            _server = new MqttServerFactory().CreateMqttServer(serverOptions, new IMqttServerAdapter[] { listener });
            _listener = listener;
            _server.ValidatingConnectionAsync += ValidatingConnectionAsync;
            _server.ClientDisconnectedAsync += ClientDisconnectedAsync;
            _server.InterceptingInboundPacketAsync += InterceptingInboundPacketAsync;
            _server.InterceptingOutboundPacketAsync += InterceptingOutboundPacketAsync;
            _server.InterceptingSubscriptionAsync += InterceptingSubscriptionAsync;
            _server.InterceptingUnsubscriptionAsync += e =>
            {
                if (e.SessionItems[SessionKey] is ClientSession session)
                {
                    session.Subscriptions.TryRemove(e.Topic, out _);
                }

                return Task.CompletedTask;
            };
            _server.InterceptingPublishAsync += InterceptingPublishAsync;
            _server.InterceptingClientEnqueueAsync += InterceptingClientEnqueueAsync;
            await _server.StartAsync().ConfigureAwait(false);
            Port = listener.LocalEndPoint.Port;
        }

        /// <summary>Closes every live connection that authenticated with <paramref name="certificateId"/>.</summary>
        public async Task DisconnectCertificateAsync(string certificateId, string reason)
        {
            foreach (var session in _clients.Values)
            {
                if (session.CertificateId == certificateId && _server is not null)
                {
                    _context.Log.Info("disconnect", session.ClientId, certificateId, reason);
                    await CloseAsync(_server, session.ClientId,
                        new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NotAuthorized, ReasonString = reason })
                        .ConfigureAwait(false);
                }
            }
        }

        private static async Task CloseAsync(MqttServer server, string clientId, MqttServerClientDisconnectOptions options)
        {
            try
            {
                await server.DisconnectClientAsync(clientId, options).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // The client left between our lookup and the server's (MQTTnet reports "not found"),
                // which is the state we wanted: nothing more to close.
            }
        }

        public async ValueTask DisposeAsync()
        {
            _stopping.Cancel();
            if (_server is not null)
            {
                await _server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
            }

            await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
            _server?.Dispose();
            _stopping.Dispose();
        }

        /// <summary>A client certificate is accepted when the emulator's CA issued it or a registered CA (any status) signed it;
        /// AWS refuses the TLS handshake of a certificate from a CA it does not know.</summary>
        private bool ValidateClientCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (certificate is not X509Certificate2 cert)
            {
                return false;
            }

            if (_context.Ca.Verifies(cert, _context.Clock.GetUtcNow()))
            {
                return true;
            }

            if (_jitp.FindIssuer(cert) is not { } ca)
            {
                _context.Log.Warn("tls", null, CertificateAuthority.IdOf(cert), $"refused a certificate from '{cert.Issuer}': no registered CA signed it");
                return false;
            }

            _presentations.AddOrUpdate(sender, new JitpPresentation(ca, JitpProvisioner.Presented(ca, chain?.ChainPolicy.ExtraStore)));
            return true;
        }

        /// <summary>A registered certificate goes on to CONNECT, where its status and policies decide. An unregistered one from a
        /// registered CA is JIT-provisioned (or refused) and its connection closed, as AWS closes it.</summary>
        private bool AdmitAfterHandshake(SslStream ssl)
        {
            if (!_presentations.TryGetValue(ssl, out var presentation) || ssl.RemoteCertificate is not X509Certificate2 cert)
            {
                return true;
            }

            _presentations.Remove(ssl);
            if (_context.Store.Read(s => s.GetCertificate(CertificateAuthority.IdOf(cert))) is not null)
            {
                return true;
            }

            _jitp.HandleFirstConnection(cert, presentation.Ca, presentation.CaPresented);
            return false;
        }

        private sealed record JitpPresentation(CaCertificateInfo Ca, bool CaPresented);

        private Task ValidatingConnectionAsync(ValidatingConnectionEventArgs e)
        {
            if (e.ClientCertificate is not { } cert)
            {
                e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
                _context.Log.Warn("connect", e.ClientId, null, "refused: no client certificate");
                return Task.CompletedTask;
            }

            string id = CertificateAuthority.IdOf(cert);
            var (record, claim, things, documents) = _context.Store.Read(s =>
            {
                var c = s.GetCertificate(id);
                return (c, s.GetClaim(id), s.ThingsOf(id), s.PolicyDocumentsOf(id));
            });
            string? refusal = record is null ? "certificate is not registered (deleted or never issued here)"
                : record.Info.Status != CertificateStatus.Active ? $"certificate is {record.Info.Status.ToAwsName()}"
                : null;
            var policies = new List<PolicyDocument>();
            foreach (string document in documents)
            {
                try
                {
                    policies.Add(PolicyDocument.Parse(document));
                }
                catch (InvalidPolicyException ex)
                {
                    // Stored before the emulator checked policies: evaluating the rest would grant more than was written.
                    refusal ??= "an attached policy cannot be evaluated: " + ex.Message;
                }
            }

            if (refusal is not null)
            {
                e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
                _context.Log.Warn("connect", e.ClientId, id, "refused: " + refusal);
                return Task.CompletedTask;
            }

            string? thing = things.Count > 0 ? things[0] : null;
            var attributes = thing is not null && policies.Exists(p => p.UsesThingAttributes) // read only when a policy asks
                ? _context.Store.Read(s => s.GetThing(thing))?.Attributes
                : null;
            var session = new ClientSession(e.ClientId, record!.Info, claim?.TemplateName, things, policies, new PolicyVariables(e.ClientId, thing, attributes))
            {
                SourceAddress = (e.ChannelAdapter.RemoteEndPoint as IPEndPoint)?.Address is { } source
                    ? (source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source).ToString() // one host, one address, on a dual-stack listener too
                    : null,
                ExpiresAt = claim?.ExpiresAt,
            };
            if (!TopicAuthorizer.MayConnect(session, _context.Arns))
            {
                e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
                _context.Log.Warn("connect", e.ClientId, id, "refused: no attached policy allows iot:Connect for this client id");
                return Task.CompletedTask;
            }

            e.SessionItems[SessionKey] = session;
            _clients[e.ClientId] = session;
            _context.Log.Info("connect", e.ClientId, id,
                claim is not null ? $"claim for template '{claim.TemplateName}' (MQTT {e.ProtocolVersion})"
                : $"device certificate of {(things.Count == 0 ? "no thing" : string.Join(",", things))} (MQTT {e.ProtocolVersion})");
            return Task.CompletedTask;
        }

        private Task ClientDisconnectedAsync(ClientDisconnectedEventArgs e)
        {
            if (e.SessionItems[SessionKey] is ClientSession session)
            {
                _clients.TryRemove(new KeyValuePair<string, ClientSession>(e.ClientId, session));
            }

            return Task.CompletedTask;
        }

        /// <summary>AWS IoT Core supports QoS 0 and 1 only: "When QoS level 2 is requested, the message broker
        /// doesn't send a PUBACK or SUBACK". A QoS 2 PUBLISH or SUBSCRIBE is therefore swallowed unanswered.</summary>
        private Task InterceptingInboundPacketAsync(InterceptingPacketEventArgs e)
        {
            bool qos2 = e.Packet switch
            {
                MqttPublishPacket p => p.QualityOfServiceLevel == MqttQualityOfServiceLevel.ExactlyOnce,
                MqttSubscribePacket s => s.TopicFilters.Exists(f => f.QualityOfServiceLevel == MqttQualityOfServiceLevel.ExactlyOnce),
                _ => false,
            };
            if (qos2)
            {
                e.ProcessPacket = false;
                _context.Log.Warn("qos2", e.ClientId, (e.SessionItems[SessionKey] as ClientSession)?.CertificateId,
                    $"ignored a QoS 2 {(e.Packet is MqttPublishPacket ? "PUBLISH" : "SUBSCRIBE")} (AWS IoT sends no PUBACK/SUBACK for QoS 2)");
            }

            return Task.CompletedTask;
        }

        /// <summary>Every packet on its way out: a PUBLISH the receiver's policy does not let it receive is withheld,
        /// and the lost-SUBACK fault drops a SUBACK (MQTTnet has already made the subscription, and a packet the
        /// outbound interceptor refuses is never written, so the device waits for an ack that never comes).</summary>
        private Task InterceptingOutboundPacketAsync(InterceptingPacketEventArgs e)
        {
            if (e.Packet is MqttPublishPacket publish && !MayReceive(e.SessionItems, publish.Topic))
            {
                // Retained messages reach a new subscriber without the enqueue interceptor: this is the last gate.
                e.ProcessPacket = false;
                return Task.CompletedTask;
            }

            if (e.Packet is MqttSubAckPacket suback && _context.Faults.ShouldDropSubAck())
            {
                e.ProcessPacket = false;
                _context.Log.Warn("fault", e.ClientId, (e.SessionItems[SessionKey] as ClientSession)?.CertificateId,
                    $"dropped the SUBACK for packet {suback.PacketIdentifier}");
            }

            return Task.CompletedTask;
        }

        /// <summary>iot:Receive for every message the broker fans out, checked before it is queued for the receiver.</summary>
        private Task InterceptingClientEnqueueAsync(InterceptingClientApplicationMessageEnqueueEventArgs e)
        {
            if (_clients.TryGetValue(e.ReceiverClientId, out var receiver) && !TopicAuthorizer.MayReceive(receiver, e.ApplicationMessage.Topic, _context.Arns))
            {
                e.AcceptEnqueue = false;
                _context.Log.Warn("receive", receiver.ClientId, receiver.CertificateId, $"withheld a message on '{e.ApplicationMessage.Topic}': iot:Receive is not allowed");
            }

            return Task.CompletedTask;
        }

        private bool MayReceive(System.Collections.IDictionary? sessionItems, string topic) =>
            sessionItems?[SessionKey] is not ClientSession session || TopicAuthorizer.MayReceive(session, topic, _context.Arns);

        private Task InterceptingSubscriptionAsync(InterceptingSubscriptionEventArgs e)
        {
            var session = (ClientSession)e.SessionItems[SessionKey]!;
            string filter = e.TopicFilter.Topic;
            if (!TopicAuthorizer.MaySubscribe(session, filter, _context.Arns))
            {
                e.ProcessSubscription = false;
                e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized; // 0x80 Failure on MQTT 3.1.1
                _context.Log.Warn("subscribe", session.ClientId, session.CertificateId, $"refused '{filter}': not allowed by the certificate's policy");
                return Task.CompletedTask;
            }

            session.Session ??= e.Session;
            session.Subscriptions[filter] = e.TopicFilter.QualityOfServiceLevel;
            return Task.CompletedTask;
        }

        private Task InterceptingPublishAsync(InterceptingPublishEventArgs e)
        {
            if (e.SessionItems?[SessionKey] is not ClientSession session)
            {
                return Task.CompletedTask; // the emulator's own messages
            }

            string topic = e.ApplicationMessage.Topic;
            if (session.ExpiresAt is { } end && _context.Clock.GetUtcNow() >= end)
            {
                // The handshake refuses an expired temporary claim; one connected in time cannot outlive its five minutes either.
                e.ProcessPublish = false;
                e.CloseConnection = true;
                _context.Log.Warn("publish", session.ClientId, session.CertificateId, $"closed the connection: the temporary claim expired at {end:u}");
                return Task.CompletedTask;
            }

            if (!TopicAuthorizer.MayPublish(session, topic, _context.Arns))
            {
                // AWS closes the connection of a client that publishes where its policy does not allow.
                e.ProcessPublish = false;
                e.CloseConnection = true;
                _context.Log.Warn("publish", session.ClientId, session.CertificateId, TopicAuthorizer.IsReserved(topic)
                    ? $"closed the connection: '{topic}' is a reserved topic that clients cannot publish to"
                    : $"closed the connection: publishing to '{topic}' is not allowed");
                return Task.CompletedTask;
            }

            if (!ProvisioningTopics.TryMatchRequest(topic, out var request))
            {
                return Task.CompletedTask; // ordinary traffic between things
            }

            e.ProcessPublish = false; // the request is for the service, not for other subscribers
            var payload = e.ApplicationMessage.Payload.ToArray();
            long started = Stopwatch.GetTimestamp();
            var work = Task.Run(() => ServeAsync(session, request, payload, started));
            _inFlight.TryAdd(work, 0);
            work.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
            return Task.CompletedTask;
        }

        private async Task ServeAsync(ClientSession session, ProvisioningRequestTopic request, byte[] payload, long started)
        {
            ProvisioningResponse response;
            try
            {
                response = await _service.HandleAsync(session, request, payload, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _context.Log.Error(request.Api.ToString(), session.ClientId, session.CertificateId, "internal failure: " + ex.Message);
                response = ProvisioningResponse.Error(500, "InternalFailureException", "The emulator failed to process the request.");
            }
            catch (OperationCanceledException)
            {
                return; // shutting down
            }

            if (!response.Accepted)
            {
                _context.Log.Warn(request.Api.ToString(), session.ClientId, session.CertificateId,
                    $"rejected {response.StatusCode} {response.ErrorCode}: {response.ErrorMessage}");
            }

            var latency = Stopwatch.GetElapsedTime(started);
            _context.Metrics.Record(request.Api, response.Accepted, latency, session.CertificateId, request.TemplateName);
            bool turnOff = _context.ClaimMonitor.Record(session, request.Api, response.Accepted);
            var (delay, disconnect, drop) = _context.Faults.Deliver();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _context.Clock, _stopping.Token).ConfigureAwait(false);
            }

            var outcome = ResponseOutcome.Sent;
            if (disconnect && _server is not null)
            {
                outcome = ResponseOutcome.Disconnected;
                _context.Log.Warn("fault", session.ClientId, session.CertificateId, $"closed the connection instead of answering {request.Api}");
                await CloseAsync(_server, session.ClientId, new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.UnspecifiedError })
                    .ConfigureAwait(false);
            }
            else if (drop)
            {
                outcome = ResponseOutcome.Dropped;
                _context.Log.Warn("fault", session.ClientId, session.CertificateId, $"dropped the response to {request.Api}");
            }
            else
            {
                Send(session, response.Accepted ? request.Accepted : request.Rejected,
                    PayloadCodec.Encode(response.Fields, request.Format));
            }

            RequestCompleted?.Invoke(this, new RequestCompletedEventArgs(request.Api, request.Format, session.ClientId, response.CertificateId,
                response.ThingName, response.StatusCode, response.ErrorCode, response.ErrorMessage, latency, outcome));
            if (turnOff)
            {
                // After the answer is on its way: the alarm is about what the claim did, this request included.
                await _context.ClaimMonitor.DeactivateAsync(session.CertificateId).ConfigureAwait(false);
            }
        }

        /// <summary>Enqueues a response on the requesting session only, and only if it subscribed to the topic
        /// ("subscribe before you publish"): never through the broker's fan-out.</summary>
        private void Send(ClientSession session, string topic, byte[] payload)
        {
            if (session.Session is not { } target || !session.TryGetDeliveryQos(topic, out var qos) || !TopicAuthorizer.MayReceive(session, topic, _context.Arns))
            {
                _context.Log.Warn("respond", session.ClientId, session.CertificateId, $"not subscribed to '{topic}' (or iot:Receive denies it): the response is lost, as on AWS");
                return;
            }

            var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos).Build();
            if (!target.TryEnqueueApplicationMessage(message, out _))
            {
                _context.Log.Warn("respond", session.ClientId, session.CertificateId, $"the session's queue refused the response on '{topic}'");
            }
        }
    }
}
