using System;

namespace NanoFleet.Provisioning.Keys
{
    /// <summary>
    /// Checks that a certificate the provisioning service sent carries the device's public key: the
    /// CSR's on the CreateCertificateFromCsr path, the private key's on the CreateKeysAndCertificate
    /// path. A claim is shared by a whole factory, so a claim holder can publish a forged accepted
    /// response with their own key pair; a device that took it would become a thing the forger can
    /// log in as. The device has no X.509 or public-key API, so this reads just enough DER.
    /// </summary>
    /// <example>
    /// <code>
    /// string reason;
    /// if (KeyMatch.CertificateMatchesPrivateKey(certificatePem, keyPem, out reason) != KeyMatchStatus.Success) { /* retry */ }
    /// </code>
    /// </example>
    public static class KeyMatch
    {
        /// <summary>
        /// True when the certificate's subjectPublicKeyInfo equals the CSR's, byte for byte.
        /// </summary>
        /// <param name="certificatePem">The certificate (PEM text, UTF-8); the first CERTIFICATE block is read.</param>
        /// <param name="csrPem">The CSR the device sent (PEM text, UTF-8).</param>
        /// <param name="reason">Why it is not Success, in words without key material; empty on Success.</param>
        /// <returns>Success; Mismatch; Malformed (a missing block, bad base64 or DER); BadParameter for a null argument.</returns>
        public static KeyMatchStatus CertificateMatchesCsr(byte[] certificatePem, byte[] csrPem, out string reason)
        {
            reason = "";
            if (certificatePem == null || csrPem == null)
            {
                reason = "no certificate or no CSR";
                return KeyMatchStatus.BadParameter;
            }

            int count, spkiOffset, spkiCount;
            byte[]? certificate = DecodeCertificate(certificatePem, out count, out reason);
            if (certificate == null)
            {
                return KeyMatchStatus.Malformed;
            }

            KeyMatchStatus status = CertificateReader.ReadCertificateKey(certificate, count, new PublicKey(), out spkiOffset, out spkiCount, out reason);
            if (status != KeyMatchStatus.Success)
            {
                return status;
            }

            int bodyOffset, bodyCount, csrCount, csrSpkiOffset, csrSpkiCount;
            if (!Pem.Find(csrPem, "CERTIFICATE REQUEST", out bodyOffset, out bodyCount)
                && !Pem.Find(csrPem, "NEW CERTIFICATE REQUEST", out bodyOffset, out bodyCount))
            {
                return KeyReading.Malformed("the CSR", "it has no CERTIFICATE REQUEST block", out reason);
            }

            byte[]? csr = Pem.Decode(csrPem, bodyOffset, bodyCount, out csrCount);
            if (csr == null)
            {
                return KeyReading.Malformed("the CSR", "its PEM body is not base64", out reason);
            }

            status = CertificateReader.ReadRequestKey(csr, csrCount, new PublicKey(), out csrSpkiOffset, out csrSpkiCount, out reason);
            if (status != KeyMatchStatus.Success)
            {
                return status;
            }

            if (!ByteRange.Equal(certificate, spkiOffset, spkiCount, csr, csrSpkiOffset, csrSpkiCount))
            {
                reason = "the certificate does not carry the CSR's public key";
                return KeyMatchStatus.Mismatch;
            }

            return KeyMatchStatus.Success;
        }

        /// <summary>
        /// True when the certificate carries the public half of the private key: the same RSA modulus
        /// and exponent, or the same EC curve and point.
        /// </summary>
        /// <param name="certificatePem">The certificate (PEM text, UTF-8); the first CERTIFICATE block is read.</param>
        /// <param name="privateKeyPem">
        /// The key (PEM text, UTF-8): "RSA PRIVATE KEY" (PKCS#1), "EC PRIVATE KEY" (SEC1) or "PRIVATE KEY"
        /// (PKCS#8 around either). Secret: its decoded bytes are wiped before this returns.
        /// </param>
        /// <param name="reason">Why it is not Success, in words without key material; empty on Success.</param>
        /// <returns>
        /// Success; Mismatch (also for an RSA key against an EC certificate); Malformed; Unsupported for
        /// an encrypted key, another algorithm, or an EC key without its public point; BadParameter
        /// for a null argument.
        /// </returns>
        public static KeyMatchStatus CertificateMatchesPrivateKey(byte[] certificatePem, byte[] privateKeyPem, out string reason)
        {
            reason = "";
            if (certificatePem == null || privateKeyPem == null)
            {
                reason = "no certificate or no private key";
                return KeyMatchStatus.BadParameter;
            }

            int count;
            byte[]? certificate = DecodeCertificate(certificatePem, out count, out reason);
            if (certificate == null)
            {
                return KeyMatchStatus.Malformed;
            }

            var certificateKey = new PublicKey();
            KeyMatchStatus status = CertificateReader.ReadCertificateKey(certificate, count, certificateKey, out _, out _, out reason);
            if (status != KeyMatchStatus.Success)
            {
                return status;
            }

            if (certificateKey.Algorithm == KeyAlgorithm.Unknown)
            {
                reason = "the certificate's key is neither RSA nor named-curve EC";
                return KeyMatchStatus.Unsupported;
            }

            var privateKey = new PublicKey();
            byte[]? der = null;
            status = DecodeAndReadPrivateKey(privateKeyPem, privateKey, ref der, out reason);
            if (status == KeyMatchStatus.Success && !certificateKey.SameKeyAs(privateKey))
            {
                reason = "the certificate does not carry the private key's public key";
                status = KeyMatchStatus.Mismatch;
            }

            if (der != null)
            {
                Array.Clear(der, 0, der.Length);
            }

            return status;
        }

        private static byte[]? DecodeCertificate(byte[] pem, out int count, out string reason)
        {
            count = 0;
            reason = "";
            int bodyOffset, bodyCount;
            if (!Pem.Find(pem, "CERTIFICATE", out bodyOffset, out bodyCount))
            {
                KeyReading.Malformed("the certificate", "it has no CERTIFICATE block", out reason);
                return null;
            }

            byte[]? der = Pem.Decode(pem, bodyOffset, bodyCount, out count);
            if (der == null)
            {
                KeyReading.Malformed("the certificate", "its PEM body is not base64", out reason);
            }

            return der;
        }

        /// <summary>Finds the key's block by its label, decodes it into <paramref name="der"/> (for the caller to wipe) and reads its public half.</summary>
        private static KeyMatchStatus DecodeAndReadPrivateKey(byte[] pem, PublicKey key, ref byte[]? der, out string reason)
        {
            reason = "";
            int bodyOffset, bodyCount, count;
            bool pkcs1 = Pem.Find(pem, "RSA PRIVATE KEY", out bodyOffset, out bodyCount);
            bool sec1 = !pkcs1 && Pem.Find(pem, "EC PRIVATE KEY", out bodyOffset, out bodyCount);
            bool pkcs8 = !pkcs1 && !sec1 && Pem.Find(pem, "PRIVATE KEY", out bodyOffset, out bodyCount);
            if (!pkcs1 && !sec1 && !pkcs8)
            {
                return Pem.Find(pem, "ENCRYPTED PRIVATE KEY", out bodyOffset, out bodyCount)
                    ? KeyReading.Unsupported("the private key is encrypted", out reason)
                    : KeyReading.Malformed("the private key", "it has no RSA PRIVATE KEY, EC PRIVATE KEY or PRIVATE KEY block", out reason);
            }

            der = Pem.Decode(pem, bodyOffset, bodyCount, out count);
            if (der == null)
            {
                return KeyReading.Malformed("the private key", "its PEM body is not base64 (an encrypted legacy PEM?)", out reason);
            }

            if (pkcs1) return PrivateKeyReader.ReadRsa(der, 0, count, key, out reason);
            if (sec1) return PrivateKeyReader.ReadEc(der, 0, count, -1, 0, key, out reason);
            return PrivateKeyReader.ReadPkcs8(der, count, key, out reason);
        }
    }
}
