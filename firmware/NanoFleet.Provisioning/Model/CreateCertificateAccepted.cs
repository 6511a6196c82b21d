namespace NanoFleet.Provisioning
{
    /// <summary>
    /// The accepted response of CreateKeysAndCertificate (with <see cref="PrivateKey"/>) or of
    /// CreateCertificateFromCsr (without). The certificate, key and token are kept as the UTF-8
    /// bytes they arrive as (unescaped), never as strings: a .NET string would double them, and an
    /// array holding a secret can be wiped. Holds secrets: <see cref="ToString"/> shows only the id.
    /// </summary>
    public sealed class CreateCertificateAccepted
    {
        /// <summary>64 hex characters.</summary>
        public string CertificateId { get; set; } = "";

        /// <summary>The new device certificate (PEM text, UTF-8).</summary>
        public byte[] CertificatePem { get; set; } = new byte[0];

        /// <summary>The new private key (PEM text, UTF-8); null for the CSR flow. Secret.</summary>
        public byte[]? PrivateKey { get; set; }

        /// <summary>The one-hour token RegisterThing needs (UTF-8). Secret.</summary>
        public byte[] CertificateOwnershipToken { get; set; } = new byte[0];

        /// <inheritdoc />
        public override string ToString() => "certificate " + CertificateId;
    }
}
