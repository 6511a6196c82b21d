namespace NanoFleet.Cloud.ControlPlane.Iam
{
    /// <summary>Where a policy is attached, which decides whether its statements name a Principal (IAM's rule).</summary>
    public enum PolicyKind
    {
        /// <summary>Attached to an identity (an IAM user): statements must not name a Principal.</summary>
        Identity,

        /// <summary>Attached to a resource (a Lambda function's policy): every statement names its Principal.</summary>
        Resource,
    }
}
