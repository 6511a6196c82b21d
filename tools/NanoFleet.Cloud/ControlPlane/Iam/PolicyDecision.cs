namespace NanoFleet.Cloud.ControlPlane.Iam
{
    /// <summary>IAM's outcome: an explicit Deny wins over any Allow; no matching Allow is an implicit deny.</summary>
    public enum PolicyDecision
    {
        ImplicitDeny,
        Allow,
        ExplicitDeny,
    }
}
