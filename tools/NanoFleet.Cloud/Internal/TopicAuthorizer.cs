using System;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>
    /// What a connection may do. A claim gets AWS's recommended claim policy for its template: publish and
    /// subscribe under `$aws/certificates/create/`, `$aws/certificates/create-from-csr/` and
    /// `$aws/provisioning-templates/&lt;template&gt;/provision/`, nothing else. A device certificate gets what
    /// its attached policy documents allow, for resources named by their ARN in the emulator's region and account.
    /// </summary>
    internal static class TopicAuthorizer
    {
        public static bool MayConnect(ClientSession session, AwsArns arns) =>
            session.ClaimTemplate is not null || Allowed(session, "iot:Connect", arns.Client(session.ClientId));

        public static bool MaySubscribe(ClientSession session, string filter, AwsArns arns) =>
            session.ClaimTemplate is { } template ? UnderClaimPrefix(template, filter) : Allowed(session, "iot:Subscribe", arns.TopicFilter(filter));

        public static bool MayPublish(ClientSession session, string topic, AwsArns arns) =>
            session.ClaimTemplate is { } template ? UnderClaimPrefix(template, topic) : Allowed(session, "iot:Publish", arns.Topic(topic));

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

        private static bool Allowed(ClientSession session, string action, string resource)
        {
            var variables = new PolicyVariables(session.ClientId, session.ThingNames.Count > 0 ? session.ThingNames[0] : null);
            return PolicyEvaluator.IsAllowed(session.PolicyDocuments, action, resource, variables);
        }
    }
}
