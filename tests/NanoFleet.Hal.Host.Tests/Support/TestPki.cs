using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NanoFleet.Hal.Host.Tests.Support
{
    /// <summary>A private CA made at test time (EC P-256), issuing server and client certificates.</summary>
    public sealed class TestPki : IDisposable
    {
        private readonly ECDsa _caKey;

        private TestPki(string name)
        {
            _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + name, _caKey, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            Authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        }

        /// <summary>The CA certificate (with its key).</summary>
        public X509Certificate2 Authority { get; }

        /// <summary>The CA certificate as PEM, as a claim partition carries it.</summary>
        public string AuthorityPem => Authority.ExportCertificatePem();

        /// <summary>Makes a fresh CA.</summary>
        public static TestPki Create(string name = "NanoFleet Test CA") => new TestPki(name);

        /// <summary>Issues a TLS server certificate for localhost and 127.0.0.1 (or the names given).</summary>
        public X509Certificate2 IssueServer(string dnsName = "localhost")
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + dnsName, key, HashAlgorithmName.SHA256);
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName(dnsName);
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            return Sign(request, key);
        }

        /// <summary>Issues a client certificate and returns it as the PEM pair a device keeps.</summary>
        public PemPair IssueClient(string commonName, bool rsa = false)
        {
            AsymmetricAlgorithm key = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using (key)
            {
                var request = key is RSA rsaKey
                    ? new CertificateRequest("CN=" + commonName, rsaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                    : new CertificateRequest("CN=" + commonName, (ECDsa)key, HashAlgorithmName.SHA256);
                request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.2") }, false));
                var serial = RandomNumberGenerator.GetBytes(16);
                serial[0] &= 0x7F;
                using var cert = rsa
                    ? request.Create(Authority.SubjectName, X509SignatureGenerator.CreateForECDsa(_caKey), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), serial)
                    : request.Create(Authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
                string keyPem = key is RSA r ? r.ExportPkcs8PrivateKeyPem() : ((ECDsa)key).ExportECPrivateKeyPem();
                return new PemPair(cert.ExportCertificatePem(), keyPem);
            }
        }

        /// <summary>True when <paramref name="certificate"/> was issued by this CA.</summary>
        public bool Issued(X509Certificate2 certificate)
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(Authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(certificate);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Authority.Dispose();
            _caKey.Dispose();
        }

        private X509Certificate2 Sign(CertificateRequest request, ECDsa key)
        {
            var serial = RandomNumberGenerator.GetBytes(16);
            serial[0] &= 0x7F;
            using var cert = request.Create(Authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
            return cert.CopyWithPrivateKey(key);
        }
    }

    /// <summary>A certificate and its private key, both PEM.</summary>
    public sealed record PemPair(string CertificatePem, string PrivateKeyPem);
}
