using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NanoFleet.Station.Jitp
{
    /// <summary>
    /// The factory's issuing CA for just-in-time provisioning: it signs one EC P-256 certificate per device, and the
    /// verification certificate that proves to AWS IoT (RegisterCACertificate) that the factory holds its key. Its key is
    /// read once and stays in memory; nothing here writes it anywhere but the owner-only file <see cref="Create"/> makes.
    /// </summary>
    /// <remarks>
    /// <see cref="Create"/> makes the issuing CA under a root of its own: a device must present the registered CA in its
    /// TLS chain, and .NET's SslStream (the virtual device) never sends a self-signed root, so the registered CA is an
    /// intermediate, as AWS allows. An ESP32 (mbedTLS) sends whatever chain it holds.
    /// </remarks>
    /// <example><code>
    /// FactoryCaFiles files = FactoryCa.Create("Acme Line 1");   // write them, the keys owner-only
    /// using var ca = FactoryCa.Load(files.CaPem, files.CaKeyPem, "ca.pem", "ca.key");
    /// DeviceCertificate device = ca.SignDevice("NF-000042");
    /// </code></example>
    public sealed class FactoryCa : IDisposable
    {
        /// <summary>Device certificates are valid this long.</summary>
        public static readonly TimeSpan DeviceValidity = TimeSpan.FromDays(365 * 20);

        private readonly X509Certificate2 _certificate;
        private readonly ECDsa _key;

        private FactoryCa(X509Certificate2 certificate, ECDsa key)
        {
            _certificate = certificate;
            _key = key;
            CertificatePem = certificate.ExportCertificatePem().Replace("\r\n", "\n") + "\n";
        }

        /// <summary>The CA certificate (PEM): what is registered with AWS IoT and sent after each device certificate.</summary>
        public string CertificatePem { get; }

        /// <summary>The CA's subject, e.g. "CN=Acme Line 1 Issuing CA".</summary>
        public string Subject => _certificate.Subject;

        /// <summary>Makes a root and an issuing CA (EC P-256); the caller writes them (the keys owner-only) where the factory keeps them.</summary>
        /// <param name="name">Names both CAs ("NAME Root CA", "NAME Issuing CA").</param>
        public static FactoryCaFiles Create(string name)
        {
            var now = DateTimeOffset.UtcNow;
            using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var root = CaRequest($"CN={name} Root CA", rootKey, pathLength: 1).CreateSelfSigned(now.AddDays(-1), now.AddYears(30));
            using var issuingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = CaRequest($"CN={name} Issuing CA", issuingKey, pathLength: 0);
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
            using var issuing = request.Create(root, now.AddDays(-1), now.AddYears(25), Serial());
            return new FactoryCaFiles(root.ExportCertificatePem() + "\n", rootKey.ExportPkcs8PrivateKeyPem() + "\n",
                issuing.ExportCertificatePem() + "\n", issuingKey.ExportPkcs8PrivateKeyPem() + "\n");
        }

        /// <summary>Reads the CA certificate and its key once.</summary>
        /// <exception cref="FormatException">The files are not a CA certificate and its matching key; the message names the file.</exception>
        public static FactoryCa Load(string certificatePemText, string keyPemText, string certificateSource, string keySource)
        {
            X509Certificate2 certificate;
            try
            {
                certificate = X509Certificate2.CreateFromPem(certificatePemText);
            }
            catch (CryptographicException ex)
            {
                throw new FormatException($"{certificateSource}: not a PEM certificate ({ex.Message})");
            }

            var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(keyPemText);
            }
            catch (Exception ex) when (ex is CryptographicException or ArgumentException)
            {
                key.Dispose();
                certificate.Dispose();
                throw new FormatException($"{keySource}: not an EC private key in PEM"); // the exception text may quote the file: not shown
            }

            using var publicKey = certificate.GetECDsaPublicKey();
            bool isCa = certificate.Extensions["2.5.29.19"] is X509BasicConstraintsExtension { CertificateAuthority: true };
            if (publicKey is null || !isCa || !publicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
            {
                key.Dispose();
                certificate.Dispose();
                throw new FormatException($"{certificateSource} and {keySource}: not an EC CA certificate with its own key");
            }

            return new FactoryCa(certificate, key);
        }

        /// <summary>Signs a new EC P-256 device certificate whose commonName is <paramref name="commonName"/> (the thing name
        /// under NanoFleet's JITP template) and whose subject serialNumber is the same.</summary>
        public DeviceCertificate SignDevice(string commonName)
        {
            using var deviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var subject = new X500DistinguishedNameBuilder();
            subject.AddCommonName(commonName);
            subject.Add("2.5.4.5", commonName); // serialNumber: AWS::IoT::Certificate::SerialNumber
            var request = new CertificateRequest(subject.Build(), deviceKey, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.2") }, false));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, true, false));
            var now = DateTimeOffset.UtcNow;
            using var device = request.Create(_certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_key), now.AddMinutes(-5), Min(now + DeviceValidity, _certificate.NotAfter), Serial());
            string leaf = device.ExportCertificatePem().Replace("\r\n", "\n") + "\n";
            return new DeviceCertificate(leaf + CertificatePem, deviceKey.ExportPkcs8PrivateKeyPem() + "\n",
                Convert.ToHexStringLower(SHA256.HashData(device.RawData)));
        }

        /// <summary>The verification certificate RegisterCACertificate asks for: signed by this CA, commonName = the account's
        /// registration code (GetRegistrationCode). Its own key is thrown away.</summary>
        public string SignVerification(string registrationCode)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(new X500DistinguishedName("CN=" + registrationCode), key, HashAlgorithmName.SHA256);
            var now = DateTimeOffset.UtcNow;
            using var verification = request.Create(_certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_key), now.AddMinutes(-5), now.AddDays(7), Serial());
            return verification.ExportCertificatePem().Replace("\r\n", "\n") + "\n";
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _key.Dispose();
            _certificate.Dispose();
        }

        /// <summary>Never shows the key.</summary>
        public override string ToString() => "factory CA " + Subject;

        private static CertificateRequest CaRequest(string subject, ECDsa key, int pathLength)
        {
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, pathLength, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            return request;
        }

        private static byte[] Serial()
        {
            byte[] serial = RandomNumberGenerator.GetBytes(16);
            serial[0] &= 0x7F; // a positive INTEGER
            return serial;
        }

        private static DateTimeOffset Min(DateTimeOffset a, DateTime b) => a < new DateTimeOffset(b.ToUniversalTime()) ? a : new DateTimeOffset(b.ToUniversalTime());
    }
}
