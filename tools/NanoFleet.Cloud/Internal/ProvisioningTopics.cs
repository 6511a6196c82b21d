using System;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>A request topic, matched: which API, which format, which template (RegisterThing only).</summary>
    internal readonly record struct ProvisioningRequestTopic(ProvisioningApi Api, PayloadFormat Format, string? TemplateName, string Topic)
    {
        public string Accepted => Topic + ProvisioningTopics.AcceptedSuffix;

        public string Rejected => Topic + ProvisioningTopics.RejectedSuffix;
    }

    /// <summary>The reserved topics of the provisioning API (AWS's fragments, matched with a cursor).</summary>
    internal static class ProvisioningTopics
    {
        public const string CreateFromCsrPrefix = "$aws/certificates/create-from-csr/";
        public const string CreatePrefix = "$aws/certificates/create/";
        public const string RegisterPrefix = "$aws/provisioning-templates/";
        public const string RegisterBridge = "/provision/";
        public const string AcceptedSuffix = "/accepted";
        public const string RejectedSuffix = "/rejected";

        /// <summary>Matches a request (publish) topic; false for anything else, responses included.</summary>
        public static bool TryMatchRequest(string topic, out ProvisioningRequestTopic request)
        {
            request = default;
            ReadOnlySpan<char> rest;
            ProvisioningApi api;
            string? template = null;
            if (topic.StartsWith(CreateFromCsrPrefix, StringComparison.Ordinal))
            {
                api = ProvisioningApi.CreateCertificateFromCsr;
                rest = topic.AsSpan(CreateFromCsrPrefix.Length);
            }
            else if (topic.StartsWith(CreatePrefix, StringComparison.Ordinal))
            {
                api = ProvisioningApi.CreateKeysAndCertificate;
                rest = topic.AsSpan(CreatePrefix.Length);
            }
            else if (topic.StartsWith(RegisterPrefix, StringComparison.Ordinal))
            {
                api = ProvisioningApi.RegisterThing;
                rest = topic.AsSpan(RegisterPrefix.Length);
                int slash = rest.IndexOf('/');
                if (slash <= 0 || !rest[slash..].StartsWith(RegisterBridge, StringComparison.Ordinal))
                {
                    return false;
                }

                template = rest[..slash].ToString();
                rest = rest[(slash + RegisterBridge.Length)..];
            }
            else
            {
                return false;
            }

            PayloadFormat format;
            if (rest.SequenceEqual("json"))
            {
                format = PayloadFormat.Json;
            }
            else if (rest.SequenceEqual("cbor"))
            {
                format = PayloadFormat.Cbor;
            }
            else
            {
                return false;
            }

            request = new ProvisioningRequestTopic(api, format, template, topic);
            return true;
        }

        /// <summary>The topic prefixes a claim for <paramref name="templateName"/> may publish and subscribe under
        /// (AWS's recommended claim policy, CSR flow included).</summary>
        public static string[] ClaimPrefixes(string templateName) => new[]
        {
            CreatePrefix, CreateFromCsrPrefix, RegisterPrefix + templateName + RegisterBridge,
        };
    }
}
