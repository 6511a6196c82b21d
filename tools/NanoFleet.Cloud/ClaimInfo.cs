using System;

namespace NanoFleet.Cloud
{
    /// <summary>A claim certificate and the template whose provisioning topics it may use.</summary>
    /// <param name="CertificateId">The claim certificate's id.</param>
    /// <param name="TemplateName">The one template it may provision with.</param>
    /// <param name="Status">ACTIVE, or REVOKED once revoked.</param>
    /// <param name="CreatedAt">When it was made.</param>
    /// <param name="ExpiresAt">For a temporary claim (CreateProvisioningClaim), when it stops connecting; null for a factory claim.</param>
    public sealed record ClaimInfo(string CertificateId, string TemplateName, CertificateStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt = null);
}
