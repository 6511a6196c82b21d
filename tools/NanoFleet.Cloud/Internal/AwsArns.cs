namespace NanoFleet.Cloud.Internal
{
    /// <summary>
    /// The ARNs AWS IoT gives resources in the emulator's region and account:
    /// `arn:PARTITION:iot:REGION:ACCOUNT:provisioningtemplate/NAME`, `…:client/ID`, `…:topic/T`, `…:topicfilter/F`,
    /// `…:cert/ID`, `…:policy/NAME`, `…:thing/NAME`.
    /// </summary>
    internal sealed class AwsArns
    {
        private readonly string _prefix;
        private readonly string _functionPrefix;

        public AwsArns(string region, string accountId)
        {
            // AWS's partitions: China and GovCloud regions live outside the "aws" partition.
            string partition = region.StartsWith("cn-", System.StringComparison.Ordinal) ? "aws-cn"
                : region.StartsWith("us-gov-", System.StringComparison.Ordinal) ? "aws-us-gov"
                : "aws";
            _prefix = $"arn:{partition}:iot:{region}:{accountId}:";
            _functionPrefix = $"arn:{partition}:lambda:{region}:{accountId}:function:";
        }

        public string ProvisioningTemplate(string name) => _prefix + "provisioningtemplate/" + name;

        public string CaCertificate(string caCertificateId) => _prefix + "cacert/" + caCertificateId;

        public string Client(string clientId) => _prefix + "client/" + clientId;

        public string Topic(string topic) => _prefix + "topic/" + topic;

        public string TopicFilter(string filter) => _prefix + "topicfilter/" + filter;

        public string Certificate(string certificateId) => _prefix + "cert/" + certificateId;

        public string Policy(string name) => _prefix + "policy/" + name;

        public string Thing(string name) => _prefix + "thing/" + name;

        public string ThingGroup(string name) => _prefix + "thinggroup/" + name;

        /// <summary>A Lambda function's ARN: `arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME`.</summary>
        public string Function(string name) => _functionPrefix + name;

        /// <summary>The function name an ARN of this region and account names (a `:$LATEST` qualifier allowed), or null.</summary>
        public string? FunctionNameOf(string arn)
        {
            if (!arn.StartsWith(_functionPrefix, System.StringComparison.Ordinal))
            {
                return null;
            }

            string name = arn[_functionPrefix.Length..];
            return name.EndsWith(":$LATEST", System.StringComparison.Ordinal) ? name[..^":$LATEST".Length] : name;
        }
    }
}
