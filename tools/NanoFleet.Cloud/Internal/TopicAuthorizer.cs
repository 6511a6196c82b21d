using System;
using NanoFleet.Cloud.Internal.Policies;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>
    /// What a connection may do. A claim gets AWS's recommended claim policy for its template: publish and
    /// subscribe under `$aws/certificates/create/`, `$aws/certificates/create-from-csr/` and
    /// `$aws/provisioning-templates/&lt;template&gt;/provision/`, nothing else. A device certificate gets what
    /// its attached policy documents allow, for resources named by their ARN in the emulator's region and account.
    /// Above both: topics beginning with `$` are reserved, and the only ones anybody may publish to are the
    /// provisioning requests, so no client can forge a response (`…/accepted`, `…/rejected`) or any other
    /// service topic, whatever its policy grants.
    /// </summary>
    internal static class TopicAuthorizer
    {
        public static bool MayConnect(ClientSession session, AwsArns arns) =>
            session.ClaimTemplate is not null || Allowed(session, "iot:Connect", arns.Client(session.ClientId));

        public static bool MaySubscribe(ClientSession session, string filter, AwsArns arns) =>
            session.ClaimTemplate is { } template ? UnderClaimPrefix(template, filter) : Allowed(session, "iot:Subscribe", arns.TopicFilter(filter));

        public static bool MayPublish(ClientSession session, string topic, AwsArns arns)
        {
            if (IsReserved(topic) && !ProvisioningTopics.TryMatchRequest(topic, out _))
            {
                return false;
            }

            return session.ClaimTemplate is { } template ? UnderClaimPrefix(template, topic) : Allowed(session, "iot:Publish", arns.Topic(topic));
        }

        /// <summary>`iot:Receive`, checked on each message as it is delivered (AWS checks it per message, so a broad
        /// subscription does not carry other things' traffic the policy does not let this one receive).</summary>
        public static bool MayReceive(ClientSession session, string topic, AwsArns arns) =>
            session.ClaimTemplate is { } template ? UnderClaimPrefix(template, topic) : Allowed(session, "iot:Receive", arns.Topic(topic));

        /// <summary>MQTT reserves `$` topics for the server; AWS IoT's are under `$aws/`.</summary>
        public static bool IsReserved(string topic) => topic.StartsWith('$');

        private static bool UnderClaimPrefix(string template, string topic)
        {
            foreach (string prefix in ProvisioningTopics.ClaimPrefixes(template))
            {
                if (topic.StartsWith(prefix, StringComparison.Ordinal) && topic.Length > prefix.Length)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Allowed(ClientSession session, string action, string resource) =>
            PolicyEvaluator.IsAllowed(session.Policies, action, resource, session.Variables);
    }
}
