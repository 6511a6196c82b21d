using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NanoFleet.Cloud.Jitp
{
    /// <summary>
    /// Whether a certificate was signed by a given CA: issuer name, validity now, and the CA key's signature over the
    /// TBSCertificate (ECDSA or RSA PKCS#1 with SHA-256/384/512). Checked by hand rather than by X509Chain because the
    /// registered CA is often an intermediate, which the platform's chain builder will not take as a trust anchor.
    /// </summary>
    internal static class IssuerCheck
    {
        public static bool IsSignedBy(X509Certificate2 certificate, X509Certificate2 ca)
        {
            var now = DateTime.UtcNow; // X.509 validity is checked against the real clock, as TLS peers do
            if (!certificate.IssuerName.RawData.AsSpan().SequenceEqual(ca.SubjectName.RawData)
                || now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
            {
                return false;
            }

            try
            {
                var outer = new AsnReader(certificate.RawData, AsnEncodingRules.DER).ReadSequence();
                var tbs = outer.ReadEncodedValue();
                string algorithm = outer.ReadSequence().ReadObjectIdentifier();
                byte[] signature = outer.ReadBitString(out _);
                return algorithm switch
                {
                    "1.2.840.10045.4.3.2" => VerifyEcdsa(ca, tbs.Span, signature, HashAlgorithmName.SHA256),
                    "1.2.840.10045.4.3.3" => VerifyEcdsa(ca, tbs.Span, signature, HashAlgorithmName.SHA384),
                    "1.2.840.10045.4.3.4" => VerifyEcdsa(ca, tbs.Span, signature, HashAlgorithmName.SHA512),
                    "1.2.840.113549.1.1.11" => VerifyRsa(ca, tbs.Span, signature, HashAlgorithmName.SHA256),
                    "1.2.840.113549.1.1.12" => VerifyRsa(ca, tbs.Span, signature, HashAlgorithmName.SHA384),
                    "1.2.840.113549.1.1.13" => VerifyRsa(ca, tbs.Span, signature, HashAlgorithmName.SHA512),
                    _ => false,
                };
            }
            catch (Exception ex) when (ex is AsnContentException or CryptographicException)
            {
                return false;
            }
        }

        /// <summary>True when <paramref name="ca"/> says it is a CA (basicConstraints cA).</summary>
        public static bool IsCa(X509Certificate2 ca)
        {
            foreach (var extension in ca.Extensions)
            {
                if (extension is X509BasicConstraintsExtension constraints)
                {
                    return constraints.CertificateAuthority;
                }
            }

            return false;
        }

        private static bool VerifyEcdsa(X509Certificate2 ca, ReadOnlySpan<byte> tbs, byte[] signature, HashAlgorithmName hash)
        {
            using var key = ca.GetECDsaPublicKey();
            return key is not null && key.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }

        private static bool VerifyRsa(X509Certificate2 ca, ReadOnlySpan<byte> tbs, byte[] signature, HashAlgorithmName hash)
        {
            using var key = ca.GetRSAPublicKey();
            return key is not null && key.VerifyData(tbs, signature, hash, RSASignaturePadding.Pkcs1);
        }
    }
}
