namespace NanoFleet.Cloud
{
    /// <summary>
    /// A certificate made with its key by <see cref="CertificateRegistry.CreateKeysAndCertificateAsync"/>: the only
    /// time the key exists outside its caller. <see cref="ToString"/> names the certificate id only.
    /// </summary>
    /// <param name="Certificate">The registered certificate.</param>
    /// <param name="PrivateKeyPem">Its private key.</param>
    public sealed record IssuedCertificate(CertificateInfo Certificate, string PrivateKeyPem)
    {
        /// <summary>The id; never the key.</summary>
        public override string ToString() => $"Certificate {Certificate.Id}";
    }
}
