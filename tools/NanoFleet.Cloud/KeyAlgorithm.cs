namespace NanoFleet.Cloud
{
    /// <summary>The key pair CreateKeysAndCertificate generates for a device.</summary>
    public enum KeyAlgorithm
    {
        /// <summary>RSA 2048-bit, what AWS IoT Core generates.</summary>
        Rsa2048,

        /// <summary>EC on NIST P-256: much faster to generate and to handshake with.</summary>
        EcP256,
    }
}
