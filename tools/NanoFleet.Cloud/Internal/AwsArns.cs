namespace NanoFleet.Cloud.Internal
{
    /// <summary>
    /// The ARNs AWS IoT gives resources in the emulator's region and account:
    /// `arn:PARTITION:iot:REGION:ACCOUNT:provisioningtemplate/NAME`, `…:client/ID`, `…:topic/T`, `…:topicfilter/F`.
    /// </summary>
    internal sealed class AwsArns
    {
        private readonly string _prefix;

        public AwsArns(string region, string accountId)
        {
            // AWS's partitions: China and GovCloud regions live outside the "aws" partition.
            string partition = region.StartsWith("cn-", System.StringComparison.Ordinal) ? "aws-cn"
                : region.StartsWith("us-gov-", System.StringComparison.Ordinal) ? "aws-us-gov"
                : "aws";
            _prefix = $"arn:{partition}:iot:{region}:{accountId}:";
        }

        public string ProvisioningTemplate(string name) => _prefix + "provisioningtemplate/" + name;

        public string CaCertificate(string caCertificateId) => _prefix + "cacert/" + caCertificateId;

        public string Client(string clientId) => _prefix + "client/" + clientId;

        public string Topic(string topic) => _prefix + "topic/" + topic;

        public string TopicFilter(string filter) => _prefix + "topicfilter/" + filter;
    }
}
