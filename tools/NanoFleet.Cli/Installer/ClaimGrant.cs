using System;

namespace NanoFleet.Cli.Installer
{
    /// <summary>
    /// A temporary claim as CreateProvisioningClaim returns it. It holds the claim's private key:
    /// <see cref="ToString"/> names the certificate only, and nothing writes it to a log or a file.
    /// </summary>
    /// <param name="CertificateId">The claim certificate's id.</param>
    /// <param name="CertificatePem">The claim certificate.</param>
    /// <param name="PrivateKeyPem">Its private key. Secret.</param>
    /// <param name="Expiration">When the certificate stops working (AWS: five minutes after issue).</param>
    public sealed record ClaimGrant(string CertificateId, string CertificatePem, string PrivateKeyPem, DateTimeOffset Expiration)
    {
        /// <summary>The id and expiry; never the key.</summary>
        public override string ToString() => $"claim {CertificateId} (expires {Expiration:HH:mm:ss} UTC)";
    }
}
