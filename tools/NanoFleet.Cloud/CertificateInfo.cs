using System;

namespace NanoFleet.Cloud
{
    /// <summary>What a certificate is for.</summary>
    public enum CertificateKind
    {
        /// <summary>A shared factory claim certificate, allowed one template's provisioning topics.</summary>
        Claim,

        /// <summary>A device certificate made by CreateKeysAndCertificate or CreateCertificateFromCsr.</summary>
        Device,
    }

    /// <summary>A certificate in the registry. Carries no key and no ownership token.</summary>
    /// <param name="Id">64 hex digits: the SHA-256 of the DER certificate, as AWS computes it.</param>
    /// <param name="Status">Only ACTIVE certificates may connect.</param>
    /// <param name="Kind">Claim or device.</param>
    /// <param name="CertificatePem">The certificate.</param>
    /// <param name="CreatedAt">When it was issued, on the emulator's clock.</param>
    /// <param name="ClaimCertificateId">For a device certificate, the claim whose connection asked for it.</param>
    public sealed record CertificateInfo(
        string Id, CertificateStatus Status, CertificateKind Kind, string CertificatePem, DateTimeOffset CreatedAt, string? ClaimCertificateId);
}
