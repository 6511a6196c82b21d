using NanoFleet.Cloud.ControlPlane.Signing;

namespace NanoFleet.Cloud.ControlPlane.Identities
{
    /// <summary>A control-plane caller: an IAM-user-like name, its access key and its identity policy (JSON, IAM grammar).</summary>
    public sealed record Identity(string Name, AccessKey Key, string Policy)
    {
        /// <summary>The caller ARN AWS would name it by: `arn:aws:iam::ACCOUNT:user/NAME`.</summary>
        public string Arn(string accountId) => $"arn:aws:iam::{accountId}:user/{Name}";

        // The record's generated ToString would print the key; AccessKey hides its secret, but say only the name anyway.
        public override string ToString() => $"Identity {{ Name = {Name}, AccessKeyId = {Key.Id} }}";
    }
}
