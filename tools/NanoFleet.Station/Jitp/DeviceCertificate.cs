namespace NanoFleet.Station.Jitp
{
    /// <summary>A per-device certificate signed by the factory CA. Holds the device's private key: <see cref="ToString"/> never shows it.</summary>
    /// <param name="ChainPem">The device certificate, then the factory CA: what the device presents at its first connection.</param>
    /// <param name="PrivateKeyPem">The device's EC P-256 key (PKCS#8 PEM). Secret: it goes into the image only.</param>
    /// <param name="Sha256">SHA-256 of the device certificate's DER, lower-case hex: AWS's certificate id, what records keep.</param>
    public sealed record DeviceCertificate(string ChainPem, string PrivateKeyPem, string Sha256)
    {
        /// <inheritdoc />
        public override string ToString() => "device certificate " + Sha256;
    }
}
