using nanoFramework.TestFramework;
using NanoFleet.Provisioning.Keys;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>
    /// Certificate against private key, and certificate against CSR, in every key format the
    /// service and the emulator send, over <see cref="TestKeys"/> structures (Host/Keys repeats the
    /// matching over real keys).
    /// </summary>
    [TestClass]
    public class KeyMatchTests
    {
        [TestMethod]
        public void Pkcs1Rsa_ItsCertificate_Success() =>
            AssertKey(KeyMatchStatus.Success, RsaCertificate(1), TestDer.Pem("RSA PRIVATE KEY", TestKeys.RsaPrivateKey(1)));

        [TestMethod]
        public void Pkcs8Rsa_ItsCertificate_Success() =>
            AssertKey(KeyMatchStatus.Success, RsaCertificate(1), TestDer.Pem("PRIVATE KEY", TestKeys.Pkcs8Rsa(1)));

        [TestMethod]
        public void Sec1Ec_ItsCertificate_Success()
        {
            AssertKey(KeyMatchStatus.Success, EcCertificate(1, TestKeys.P256), TestDer.Pem("EC PRIVATE KEY", TestKeys.EcPrivateKey(1, TestKeys.P256, true)));
            AssertKey(KeyMatchStatus.Success, EcCertificate(1, TestKeys.P384), TestDer.Pem("EC PRIVATE KEY", TestKeys.EcPrivateKey(1, TestKeys.P384, true)));
        }

        [TestMethod]
        public void Pkcs8Ec_ItsCertificate_Success()
        {
            AssertKey(KeyMatchStatus.Success, EcCertificate(1, TestKeys.P256), TestDer.Pem("PRIVATE KEY", TestKeys.Pkcs8Ec(1, TestKeys.P256, true)));
            // The curve may be named twice, in the wrapper and in the ECPrivateKey; then both must agree.
            byte[] both = TestKeys.Pkcs8(
                TestKeys.Sequence(TestKeys.Oid(TestBytes.Hex("2A 86 48 CE 3D 02 01")), TestKeys.Oid(TestKeys.P256)),
                TestKeys.EcPrivateKey(1, TestKeys.P256, true));
            AssertKey(KeyMatchStatus.Success, EcCertificate(1, TestKeys.P256), TestDer.Pem("PRIVATE KEY", both));
        }

        [TestMethod]
        public void RsaKey_AnotherCertificate_Mismatch()
        {
            AssertKey(KeyMatchStatus.Mismatch, RsaCertificate(2), TestDer.Pem("RSA PRIVATE KEY", TestKeys.RsaPrivateKey(1)));
            AssertKey(KeyMatchStatus.Mismatch, RsaCertificate(2), TestDer.Pem("PRIVATE KEY", TestKeys.Pkcs8Rsa(1)));
            AssertKey(KeyMatchStatus.Mismatch, EcCertificate(1, TestKeys.P256), TestDer.Pem("RSA PRIVATE KEY", TestKeys.RsaPrivateKey(1)));
        }

        [TestMethod]
        public void RsaKey_SameModulusOtherExponent_Mismatch()
        {
            byte[] otherExponent = TestKeys.Sequence(TestKeys.Integer(new byte[] { 0 }), TestKeys.Integer(TestKeys.Modulus(1)), TestKeys.Integer(new byte[] { 3 }));
            AssertKey(KeyMatchStatus.Mismatch, RsaCertificate(1), TestDer.Pem("RSA PRIVATE KEY", otherExponent));
        }

        [TestMethod]
        public void EcKey_AnotherCertificate_Mismatch()
        {
            AssertKey(KeyMatchStatus.Mismatch, EcCertificate(2, TestKeys.P256), TestDer.Pem("EC PRIVATE KEY", TestKeys.EcPrivateKey(1, TestKeys.P256, true)));
            AssertKey(KeyMatchStatus.Mismatch, EcCertificate(1, TestKeys.P384), TestDer.Pem("EC PRIVATE KEY", TestKeys.EcPrivateKey(1, TestKeys.P256, true)));
            AssertKey(KeyMatchStatus.Mismatch, EcCertificate(2, TestKeys.P256), TestDer.Pem("PRIVATE KEY", TestKeys.Pkcs8Ec(1, TestKeys.P256, true)));
            AssertKey(KeyMatchStatus.Mismatch, RsaCertificate(1), TestDer.Pem("EC PRIVATE KEY", TestKeys.EcPrivateKey(1, TestKeys.P256, true)));
        }

        [TestMethod]
        public void EcKeyWithoutItsPoint_Unsupported()
        {
            AssertKey(KeyMatchStatus.Unsupported, EcCertificate(1, TestKeys.P256), TestDer.Pem("EC PRIVATE KEY", TestKeys.EcPrivateKey(1, TestKeys.P256, false)));
            AssertKey(KeyMatchStatus.Unsupported, EcCertificate(1, TestKeys.P256), TestDer.Pem("PRIVATE KEY", TestKeys.Pkcs8Ec(1, TestKeys.P256, false)));
        }

        [TestMethod]
        public void Sec1KeyWithoutACurve_Unsupported() =>
            AssertKey(KeyMatchStatus.Unsupported, EcCertificate(1, TestKeys.P256), TestDer.Pem("EC PRIVATE KEY", TestKeys.EcPrivateKey(1, null, true)));

        [TestMethod]
        public void Pkcs8EcKeyNamingTwoCurves_Malformed()
        {
            byte[] key = TestKeys.Pkcs8(
                TestKeys.Sequence(TestKeys.Oid(TestBytes.Hex("2A 86 48 CE 3D 02 01")), TestKeys.Oid(TestKeys.P256)),
                TestKeys.EcPrivateKey(1, TestKeys.P384, true));
            AssertKey(KeyMatchStatus.Malformed, EcCertificate(1, TestKeys.P256), TestDer.Pem("PRIVATE KEY", key));
        }

        [TestMethod]
        public void EncryptedOrForeignKeys_Unsupported()
        {
            AssertKey(KeyMatchStatus.Unsupported, RsaCertificate(1), TestDer.Pem("ENCRYPTED PRIVATE KEY", TestKeys.Pkcs8Rsa(1)));
            byte[] ed25519 = TestKeys.Pkcs8(TestKeys.Sequence(TestKeys.Oid(TestBytes.Hex("2B 65 70"))), TestDer.Tlv(0x04, TestDer.Filler(1, 32)));
            AssertKey(KeyMatchStatus.Unsupported, RsaCertificate(1), TestDer.Pem("PRIVATE KEY", ed25519));
            byte[] ed25519Spki = TestKeys.Sequence(TestKeys.Sequence(TestKeys.Oid(TestBytes.Hex("2B 65 70"))), TestKeys.BitString(TestDer.Filler(1, 32)));
            AssertKey(KeyMatchStatus.Unsupported, TestDer.Pem("CERTIFICATE", TestKeys.Certificate(ed25519Spki, 1)), TestDer.Pem("RSA PRIVATE KEY", TestKeys.RsaPrivateKey(1)));
        }

        [TestMethod]
        public void MissingOrBrokenPem_Malformed()
        {
            string key = TestDer.Pem("RSA PRIVATE KEY", TestKeys.RsaPrivateKey(1));
            AssertKey(KeyMatchStatus.Malformed, "not a certificate", key);
            AssertKey(KeyMatchStatus.Malformed, RsaCertificate(1), "not a key");
            AssertKey(KeyMatchStatus.Malformed, "-----BEGIN CERTIFICATE-----\nMIIB!!\n-----END CERTIFICATE-----\n", key);
            AssertKey(KeyMatchStatus.Malformed, "-----BEGIN CERTIFICATE-----\nMIIB\n", key); // no END line
            AssertKey(KeyMatchStatus.Malformed, RsaCertificate(1), "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");
            AssertKey(KeyMatchStatus.Malformed, TestDer.Pem("CERTIFICATE", TestKeys.RsaSpki(1)), key); // DER, but not a certificate
        }

        [TestMethod]
        public void EveryTruncationOfTheCertificate_Malformed()
        {
            string key = TestDer.Pem("RSA PRIVATE KEY", TestKeys.RsaPrivateKey(1));
            byte[] certificate = TestKeys.Certificate(TestKeys.RsaSpki(1), 1);
            for (int length = 0; length < certificate.Length; length++)
            {
                byte[] prefix = new byte[length];
                System.Array.Copy(certificate, prefix, length);
                string reason;
                KeyMatchStatus status = KeyMatch.CertificateMatchesPrivateKey(TestBytes.Utf8Of(TestDer.Pem("CERTIFICATE", prefix)), TestBytes.Utf8Of(key), out reason);
                Assert.AreEqual((int)KeyMatchStatus.Malformed, (int)status, "length " + length);
            }
        }

        [TestMethod]
        public void EveryTruncationOfTheKey_Malformed()
        {
            string certificate = EcCertificate(1, TestKeys.P256);
            byte[] key = TestKeys.Pkcs8Ec(1, TestKeys.P256, true);
            for (int length = 0; length < key.Length; length++)
            {
                byte[] prefix = new byte[length];
                System.Array.Copy(key, prefix, length);
                string reason;
                KeyMatchStatus status = KeyMatch.CertificateMatchesPrivateKey(TestBytes.Utf8Of(certificate), TestBytes.Utf8Of(TestDer.Pem("PRIVATE KEY", prefix)), out reason);
                Assert.AreEqual((int)KeyMatchStatus.Malformed, (int)status, "length " + length);
            }
        }

        [TestMethod]
        public void WrongTagInTheCertificate_Malformed()
        {
            byte[] certificate = TestKeys.Certificate(TestKeys.RsaSpki(1), 1);
            certificate[0] = 0x31; // SET, not SEQUENCE
            AssertKey(KeyMatchStatus.Malformed, TestDer.Pem("CERTIFICATE", certificate), TestDer.Pem("RSA PRIVATE KEY", TestKeys.RsaPrivateKey(1)));
        }

        [TestMethod]
        public void TextAroundBlocks_AndACertificateChain_ReadTheLeaf()
        {
            string chain = "subject=CN=device\n" + RsaCertificate(1) + "\n" + RsaCertificate(2);
            string key = "Bag Attributes\n" + TestDer.Pem("EC PARAMETERS", TestKeys.Oid(TestKeys.P256)) + TestDer.Pem("RSA PRIVATE KEY", TestKeys.RsaPrivateKey(1));
            AssertKey(KeyMatchStatus.Success, chain, key);
        }

        [TestMethod]
        public void VersionOneCertificate_Success()
        {
            // No [0] version field: the reader must not insist on it.
            byte[] spki = TestKeys.RsaSpki(1);
            byte[] v1 = TestKeys.Sequence(
                TestKeys.Sequence(TestKeys.Integer(new byte[] { 5 }), TestKeys.Sequence(), TestKeys.Sequence(), TestKeys.Sequence(), TestKeys.Sequence(), spki),
                TestKeys.Sequence(),
                TestKeys.BitString(new byte[] { 1 }));
            AssertKey(KeyMatchStatus.Success, TestDer.Pem("CERTIFICATE", v1), TestDer.Pem("RSA PRIVATE KEY", TestKeys.RsaPrivateKey(1)));
        }

        [TestMethod]
        public void Csr_ItsCertificate_Success()
        {
            AssertCsr(KeyMatchStatus.Success, EcCertificate(1, TestKeys.P256), TestDer.Pem("CERTIFICATE REQUEST", TestKeys.Csr(TestKeys.EcSpki(1, TestKeys.P256))));
            AssertCsr(KeyMatchStatus.Success, RsaCertificate(1), TestDer.Pem("NEW CERTIFICATE REQUEST", TestKeys.Csr(TestKeys.RsaSpki(1))));
        }

        [TestMethod]
        public void Csr_AnotherCertificate_Mismatch()
        {
            AssertCsr(KeyMatchStatus.Mismatch, EcCertificate(2, TestKeys.P256), TestDer.Pem("CERTIFICATE REQUEST", TestKeys.Csr(TestKeys.EcSpki(1, TestKeys.P256))));
            AssertCsr(KeyMatchStatus.Mismatch, RsaCertificate(1), TestDer.Pem("CERTIFICATE REQUEST", TestKeys.Csr(TestKeys.EcSpki(1, TestKeys.P256))));
        }

        [TestMethod]
        public void Csr_Broken_Malformed()
        {
            AssertCsr(KeyMatchStatus.Malformed, RsaCertificate(1), "-----BEGIN CERTIFICATE REQUEST-----\nCSR\n-----END CERTIFICATE REQUEST-----\n");
            AssertCsr(KeyMatchStatus.Malformed, RsaCertificate(1), TestDer.Pem("CERTIFICATE", TestKeys.Certificate(TestKeys.RsaSpki(1), 1)));
            AssertCsr(KeyMatchStatus.Malformed, "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n", TestDer.Pem("CERTIFICATE REQUEST", TestKeys.Csr(TestKeys.RsaSpki(1))));
        }

        [TestMethod]
        public void NullArguments_BadParameter()
        {
            string reason;
            Assert.AreEqual((int)KeyMatchStatus.BadParameter, (int)KeyMatch.CertificateMatchesPrivateKey(null!, new byte[1], out reason));
            Assert.AreEqual((int)KeyMatchStatus.BadParameter, (int)KeyMatch.CertificateMatchesPrivateKey(new byte[1], null!, out reason));
            Assert.AreEqual((int)KeyMatchStatus.BadParameter, (int)KeyMatch.CertificateMatchesCsr(null!, new byte[1], out reason));
            Assert.AreEqual((int)KeyMatchStatus.BadParameter, (int)KeyMatch.CertificateMatchesCsr(new byte[1], null!, out reason));
        }

        [TestMethod]
        public void Reasons_NeverQuoteTheKey()
        {
            string key = TestDer.Pem("RSA PRIVATE KEY", TestKeys.RsaPrivateKey(1));
            string body = key.Substring(key.IndexOf('\n') + 1, 20);
            string reason;
            Assert.AreEqual((int)KeyMatchStatus.Mismatch, (int)KeyMatch.CertificateMatchesPrivateKey(TestBytes.Utf8Of(RsaCertificate(2)), TestBytes.Utf8Of(key), out reason));
            Assert.AreEqual("the certificate does not carry the private key's public key", reason);
            KeyMatch.CertificateMatchesPrivateKey(TestBytes.Utf8Of(RsaCertificate(2)), TestBytes.Utf8Of(key.Substring(0, key.Length - 60) + "\n-----END RSA PRIVATE KEY-----\n"), out reason);
            Assert.DoesNotContains(body, reason);
            Assert.DoesNotContains("PRIVATE KEY-----", reason);
        }

        private static string RsaCertificate(int seed) => TestDer.Pem("CERTIFICATE", TestKeys.Certificate(TestKeys.RsaSpki(seed), seed));

        private static string EcCertificate(int seed, byte[] curve) => TestDer.Pem("CERTIFICATE", TestKeys.Certificate(TestKeys.EcSpki(seed, curve), seed));

        private static void AssertKey(KeyMatchStatus expected, string certificatePem, string keyPem)
        {
            string reason;
            KeyMatchStatus status = KeyMatch.CertificateMatchesPrivateKey(TestBytes.Utf8Of(certificatePem), TestBytes.Utf8Of(keyPem), out reason);
            Assert.AreEqual((int)expected, (int)status, reason);
            Assert.AreEqual(expected == KeyMatchStatus.Success, reason.Length == 0, reason);
        }

        private static void AssertCsr(KeyMatchStatus expected, string certificatePem, string csrPem)
        {
            string reason;
            KeyMatchStatus status = KeyMatch.CertificateMatchesCsr(TestBytes.Utf8Of(certificatePem), TestBytes.Utf8Of(csrPem), out reason);
            Assert.AreEqual((int)expected, (int)status, reason);
            Assert.AreEqual(expected == KeyMatchStatus.Success, reason.Length == 0, reason);
        }
    }
}
