using System;

namespace NanoFleet.Cloud
{
    /// <summary>
    /// A new claim certificate with its private key: the only time the key exists outside the device.
    /// <see cref="ToString"/> names the certificate id only.
    /// </summary>
    /// <param name="CertificateId">The claim certificate's id (64 hex).</param>
    /// <param name="TemplateName">The template it may provision with.</param>
    /// <param name="CertificatePem">The claim certificate.</param>
    /// <param name="PrivateKeyPem">Its EC P-256 private key (PKCS#8 PEM).</param>
    /// <param name="CaCertificatePem">The CA devices trust for the server.</param>
    /// <param name="Expiration">For a temporary claim, the end of its five minutes (the certificate's NotAfter); null for a factory claim.</param>
    public sealed record ClaimCredentials(
        string CertificateId, string TemplateName, string CertificatePem, string PrivateKeyPem, string CaCertificatePem, DateTimeOffset? Expiration = null)
    {
        /// <summary>The id and template; never the key.</summary>
        public override string ToString() => $"Claim {CertificateId} for template {TemplateName}";
    }
}
