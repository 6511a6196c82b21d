namespace NanoFleet.Provisioning.Keys
{
    /// <summary>
    /// Where a public key's parts are in a DER buffer: read from a certificate's or CSR's
    /// subjectPublicKeyInfo, or from a private key, so the two can be compared part for part.
    /// It holds ranges, not copies: the buffer stays the caller's (and a private key's is wiped).
    /// </summary>
    internal sealed class PublicKey
    {
        public byte[] Buffer { get; private set; } = new byte[0];

        public KeyAlgorithm Algorithm { get; private set; }

        // RSA: the two INTEGERs' contents. EC: the curve OID's content, then the point without the BIT STRING's unused-bits byte.
        private int FirstOffset { get; set; }
        private int FirstCount { get; set; }
        private int SecondOffset { get; set; }
        private int SecondCount { get; set; }

        /// <summary>Sets an RSA key: modulus n and public exponent e.</summary>
        public void SetRsa(byte[] buffer, int modulusOffset, int modulusCount, int exponentOffset, int exponentCount) =>
            Set(KeyAlgorithm.Rsa, buffer, modulusOffset, modulusCount, exponentOffset, exponentCount);

        /// <summary>Sets an EC key: named curve and public point (SEC1 §2.3.3 encoding).</summary>
        public void SetEc(byte[] buffer, int curveOffset, int curveCount, int pointOffset, int pointCount) =>
            Set(KeyAlgorithm.Ec, buffer, curveOffset, curveCount, pointOffset, pointCount);

        /// <summary>
        /// True when both are the same key. DER integers have one encoding, so equal values are equal
        /// bytes. An EC point compressed on one side and not on the other compares unequal: telling
        /// that they are the same point takes EC arithmetic, and a false mismatch only costs a retry.
        /// </summary>
        public bool SameKeyAs(PublicKey other) =>
            Algorithm != KeyAlgorithm.Unknown
            && Algorithm == other.Algorithm
            && ByteRange.Equal(Buffer, FirstOffset, FirstCount, other.Buffer, other.FirstOffset, other.FirstCount)
            && ByteRange.Equal(Buffer, SecondOffset, SecondCount, other.Buffer, other.SecondOffset, other.SecondCount);

        private void Set(KeyAlgorithm algorithm, byte[] buffer, int firstOffset, int firstCount, int secondOffset, int secondCount)
        {
            Algorithm = algorithm;
            Buffer = buffer;
            FirstOffset = firstOffset;
            FirstCount = firstCount;
            SecondOffset = secondOffset;
            SecondCount = secondCount;
        }
    }
}
