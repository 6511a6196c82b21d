namespace NanoFleet.Provisioning.Tests
{
    /// <summary>
    /// Certificates, CSRs and private keys built at test time with the DER shapes of the real ones
    /// (RFC 5280, RFC 2986, PKCS#1, SEC1, PKCS#8), so the nanoCLR can run the key checks without
    /// generating keys. They are NOT keys: the numbers are filler derived from a seed, no two of them
    /// form a key pair, and nothing is signed. The same seed gives the same public key in every
    /// form; another seed gives another. Host/Keys holds the property tests over real keys.
    /// </summary>
    public static class TestKeys
    {
        /// <summary>secp256r1 (P-256), 1.2.840.10045.3.1.7.</summary>
        public static readonly byte[] P256 = TestBytes.Hex("2A 86 48 CE 3D 03 01 07");

        /// <summary>secp384r1 (P-384), 1.3.132.0.34.</summary>
        public static readonly byte[] P384 = TestBytes.Hex("2B 81 04 00 22");

        private static readonly byte[] RsaEncryption = TestBytes.Hex("2A 86 48 86 F7 0D 01 01 01");
        private static readonly byte[] EcPublicKey = TestBytes.Hex("2A 86 48 CE 3D 02 01");
        private static readonly byte[] Sha256WithRsa = TestBytes.Hex("2A 86 48 86 F7 0D 01 01 0B");

        /// <summary>An INTEGER.</summary>
        public static byte[] Integer(byte[] value) => TestDer.Tlv(0x02, value);

        /// <summary>An OBJECT IDENTIFIER.</summary>
        public static byte[] Oid(byte[] content) => TestDer.Tlv(0x06, content);

        /// <summary>A SEQUENCE.</summary>
        public static byte[] Sequence(params byte[][] content) => TestDer.Tlv(0x30, content);

        /// <summary>A BIT STRING with no unused bits.</summary>
        public static byte[] BitString(byte[] bytes) => TestDer.Tlv(0x03, new byte[] { 0 }, bytes);

        /// <summary>A positive "modulus" (leading 0x00, high bit set, as DER writes a 2048-bit one) from <paramref name="seed"/>.</summary>
        public static byte[] Modulus(int seed) => TestBytes.Concat(new byte[] { 0x00, 0xC5 }, TestDer.Filler(seed, 30));

        /// <summary>65537.</summary>
        public static byte[] Exponent => new byte[] { 0x01, 0x00, 0x01 };

        /// <summary>An uncompressed "point" 04 ‖ X ‖ Y from <paramref name="seed"/>.</summary>
        public static byte[] Point(int seed) => TestBytes.Concat(new byte[] { 0x04 }, TestDer.Filler(seed + 1000, 64));

        /// <summary>An rsaEncryption subjectPublicKeyInfo.</summary>
        public static byte[] RsaSpki(int seed) =>
            Sequence(Sequence(Oid(RsaEncryption), TestDer.Tlv(0x05)), BitString(Sequence(Integer(Modulus(seed)), Integer(Exponent))));

        /// <summary>An id-ecPublicKey subjectPublicKeyInfo on <paramref name="curve"/>.</summary>
        public static byte[] EcSpki(int seed, byte[] curve) => Sequence(Sequence(Oid(EcPublicKey), Oid(curve)), BitString(Point(seed)));

        /// <summary>A v3 certificate around <paramref name="spki"/>.</summary>
        public static byte[] Certificate(byte[] spki, int serial) =>
            Sequence(
                Sequence(
                    TestDer.Tlv(0xA0, Integer(new byte[] { 2 })),
                    Integer(new byte[] { 0x01, (byte)serial }),
                    Sequence(Oid(Sha256WithRsa)),
                    Sequence(), // issuer
                    Sequence(), // validity
                    Sequence(), // subject
                    spki,
                    TestDer.Tlv(0xA3, Sequence())), // extensions
                Sequence(Oid(Sha256WithRsa)),
                BitString(TestDer.Filler(serial, 16)));

        /// <summary>A certification request around <paramref name="spki"/>.</summary>
        public static byte[] Csr(byte[] spki) =>
            Sequence(
                Sequence(Integer(new byte[] { 0 }), Sequence(), spki, TestDer.Tlv(0xA0)),
                Sequence(Oid(Sha256WithRsa)),
                BitString(TestDer.Filler(7, 16)));

        /// <summary>A PKCS#1 RSAPrivateKey: version, n, e, then filler for d.</summary>
        public static byte[] RsaPrivateKey(int seed) =>
            Sequence(Integer(new byte[] { 0 }), Integer(Modulus(seed)), Integer(Exponent), Integer(TestDer.Filler(seed + 500, 30)));

        /// <summary>A SEC1 ECPrivateKey, with the [0] curve and the [1] public point when given.</summary>
        public static byte[] EcPrivateKey(int seed, byte[]? curve, bool withPoint)
        {
            byte[] key = TestBytes.Concat(Integer(new byte[] { 1 }), TestDer.Tlv(0x04, TestDer.Filler(seed + 500, 32)));
            if (curve != null) key = TestBytes.Concat(key, TestDer.Tlv(0xA0, Oid(curve)));
            if (withPoint) key = TestBytes.Concat(key, TestDer.Tlv(0xA1, BitString(Point(seed))));
            return TestDer.Tlv(0x30, key);
        }

        /// <summary>A PKCS#8 PrivateKeyInfo around an RSAPrivateKey.</summary>
        public static byte[] Pkcs8Rsa(int seed) => Pkcs8(Sequence(Oid(RsaEncryption), TestDer.Tlv(0x05)), RsaPrivateKey(seed));

        /// <summary>A PKCS#8 PrivateKeyInfo around an ECPrivateKey (curve in the wrapper only, as .NET and OpenSSL write it).</summary>
        public static byte[] Pkcs8Ec(int seed, byte[] curve, bool withPoint) => Pkcs8(Sequence(Oid(EcPublicKey), Oid(curve)), EcPrivateKey(seed, null, withPoint));

        /// <summary>A PKCS#8 PrivateKeyInfo: version 0, the algorithm, the key in an OCTET STRING.</summary>
        public static byte[] Pkcs8(byte[] algorithm, byte[] key) => Sequence(Integer(new byte[] { 0 }), algorithm, TestDer.Tlv(0x04, key));
    }
}
