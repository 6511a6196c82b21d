namespace NanoFleet.Provisioning.Keys
{
    /// <summary>The content bytes (after tag and length) of the algorithm OIDs the device recognises.</summary>
    internal static class KeyOids
    {
        /// <summary>rsaEncryption, 1.2.840.113549.1.1.1 (RFC 8017 appendix A.1).</summary>
        public static readonly byte[] RsaEncryption = new byte[] { 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01 };

        /// <summary>id-ecPublicKey, 1.2.840.10045.2.1 (RFC 5480 §2.1.1).</summary>
        public static readonly byte[] EcPublicKey = new byte[] { 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01 };

        /// <summary>The algorithm the OID at <paramref name="offset"/> names.</summary>
        public static KeyAlgorithm AlgorithmOf(byte[] der, int offset, int count)
        {
            if (ByteRange.Equal(der, offset, count, RsaEncryption, 0, RsaEncryption.Length)) return KeyAlgorithm.Rsa;
            if (ByteRange.Equal(der, offset, count, EcPublicKey, 0, EcPublicKey.Length)) return KeyAlgorithm.Ec;
            return KeyAlgorithm.Unknown;
        }
    }
}
