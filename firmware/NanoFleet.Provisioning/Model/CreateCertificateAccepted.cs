namespace NanoFleet.Provisioning
{
    /// <summary>
    /// The accepted response of CreateKeysAndCertificate (with <see cref="PrivateKey"/>) or of
    /// CreateCertificateFromCsr (without). Holds secrets: <see cref="ToString"/> shows only the id.
    /// </summary>
    public sealed class CreateCertificateAccepted
    {
        /// <summary>64 hex characters.</summary>
        public string CertificateId { get; set; } = "";

        /// <summary>The new device certificate (PEM).</summary>
        public string CertificatePem { get; set; } = "";

        /// <summary>The new private key (PEM); null for the CSR flow. Secret.</summary>
        public string? PrivateKey { get; set; }

        /// <summary>The one-hour token RegisterThing needs. Secret.</summary>
        public string CertificateOwnershipToken { get; set; } = "";

        /// <inheritdoc />
        public override string ToString() => "certificate " + CertificateId;
    }
}
