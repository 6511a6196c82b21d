namespace NanoFleet.Cloud.ControlPlane.Signing
{
    /// <summary>An access key pair. The secret signs requests and is never logged or shown in a message.</summary>
    /// <param name="Id">`AKIA` and 16 upper-case letters or digits, as AWS's long-term keys.</param>
    /// <param name="Secret">40 characters of base64 alphabet, as AWS's.</param>
    public sealed record AccessKey(string Id, string Secret)
    {
        // A record prints its members; the secret must never reach a log or an exception message.
        public override string ToString() => $"AccessKey {{ Id = {Id} }}";
    }
}
