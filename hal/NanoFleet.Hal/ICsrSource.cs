namespace NanoFleet.Hal
{
    /// <summary>
    /// Optional: a device that can make its own key pair offers this, and the core then uses
    /// CreateCertificateFromCsr so the private key never crosses the network.
    /// </summary>
    public interface ICsrSource
    {
        /// <summary>Generates a fresh key pair and returns a PEM PKCS#10 request for it.</summary>
        /// <param name="commonName">Subject CN to request.</param>
        /// <param name="privateKeyPem">The new private key (PEM text, UTF-8). Secret.</param>
        /// <returns>The CSR (PEM text, UTF-8), or null when key generation failed.</returns>
        byte[]? CreateCsr(string commonName, out byte[] privateKeyPem);
    }
}
