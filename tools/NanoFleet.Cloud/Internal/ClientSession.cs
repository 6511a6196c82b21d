using System.Collections.Concurrent;
using System.Collections.Generic;
using MQTTnet.Protocol;
using MQTTnet.Server;
using NanoFleet.Cloud.Internal.Policies;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>
    /// One authenticated connection: who it is (from its certificate, never its username), what it may
    /// do, and what it subscribed to, so responses go to this connection only and only when it listens.
    /// </summary>
    internal sealed class ClientSession
    {
        public ClientSession(string clientId, CertificateInfo certificate, string? claimTemplate, IReadOnlyList<string> thingNames,
            IReadOnlyList<PolicyDocument> policies, PolicyVariables variables)
        {
            ClientId = clientId;
            Certificate = certificate;
            ClaimTemplate = claimTemplate;
            ThingNames = thingNames;
            Policies = policies;
            Variables = variables;
        }

        public string ClientId { get; }

        public CertificateInfo Certificate { get; }

        public string CertificateId => Certificate.Id;

        /// <summary>For a claim, the template whose topics it may use; null for a device certificate.</summary>
        public string? ClaimTemplate { get; }

        /// <summary>For a device certificate, the things it is attached to.</summary>
        public IReadOnlyList<string> ThingNames { get; }

        /// <summary>For a device certificate, its policies, parsed once at connect.</summary>
        public IReadOnlyList<PolicyDocument> Policies { get; }

        /// <summary>For a temporary claim (CreateProvisioningClaim), when its five minutes end; null otherwise.</summary>
        public System.DateTimeOffset? ExpiresAt { get; init; }

        /// <summary>The IP address the connection came from, for claim monitoring; null when the transport gives none.</summary>
        public string? SourceAddress { get; init; }

        /// <summary>Client id, thing name and thing attributes, as policies see them.</summary>
        public PolicyVariables Variables { get; }

        /// <summary>The broker's session, captured at the first subscribe: the handle responses are enqueued on.</summary>
        public MqttSessionStatus? Session { get; set; }

        /// <summary>Granted topic filters and their QoS.</summary>
        public ConcurrentDictionary<string, MqttQualityOfServiceLevel> Subscriptions { get; } = new();

        /// <summary>The QoS to deliver <paramref name="topic"/> with, or false when no subscription covers it.</summary>
        public bool TryGetDeliveryQos(string topic, out MqttQualityOfServiceLevel qos)
        {
            bool found = false;
            qos = MqttQualityOfServiceLevel.AtMostOnce;
            foreach (var (filter, granted) in Subscriptions)
            {
                if (MQTTnet.MqttTopicFilterComparer.Compare(topic, filter) == MQTTnet.MqttTopicFilterCompareResult.IsMatch)
                {
                    found = true;
                    if (granted > qos)
                    {
                        qos = granted;
                    }
                }
            }

            return found;
        }
    }
}
