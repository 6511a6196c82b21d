using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NanoFleet.Station.Tests.Claim
{
    /// <summary>Certificates and keys made at test time with .NET crypto (nothing is committed).</summary>
    internal sealed class TestPki
    {
        public TestPki(DateTimeOffset? notAfter = null, DateTimeOffset? notBefore = null, bool ecdsa = false)
        {
            using var caKey = RSA.Create(2048);
            var caRequest = new CertificateRequest("CN=NanoFleet Test Root CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddYears(10));
            CaPem = ca.ExportCertificatePem();

            var from = notBefore ?? DateTimeOffset.UtcNow.AddDays(-1);
            var to = notAfter ?? DateTimeOffset.UtcNow.AddYears(2);
            X509Certificate2 claim;
            if (ecdsa)
            {
                using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                claim = new CertificateRequest("CN=claim", key, HashAlgorithmName.SHA256).CreateSelfSigned(from, to);
                KeyPem = key.ExportECPrivateKeyPem();
            }
            else
            {
                using var key = RSA.Create(2048);
                claim = new CertificateRequest("CN=claim", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).Create(ca, from, to, new byte[] { 1, 2, 3, 4 });
                KeyPem = key.ExportRSAPrivateKeyPem();
                EncryptedKeyPem = key.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000));
            }

            CertificatePem = claim.ExportCertificatePem();
            CertificateSha256 = Convert.ToHexStringLower(SHA256.HashData(claim.RawData));
            claim.Dispose();
        }

        public string CaPem { get; }
        public string CertificatePem { get; }
        public string KeyPem { get; }
        public string EncryptedKeyPem { get; } = "";
        public string CertificateSha256 { get; }
    }
}
