using System;
using System.Formats.Asn1;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>
    /// The emulator's private CA: made on first start in the data directory (ca.crt/ca.key,
    /// server.crt/server.key), loaded afterwards. It signs the server, claim and device certificates.
    /// The CA key is the emulator's own secret and never leaves its file.
    /// </summary>
    internal sealed class CertificateAuthority : IDisposable
    {
        private static readonly DateTimeOffset DeviceNotAfter = new(2049, 12, 31, 23, 59, 59, TimeSpan.Zero);
        private readonly ECDsa _caKey;
        private readonly X509SignatureGenerator _signer;
        private const string EcdsaWithSha256 = "1.2.840.10045.4.3.2";
        private readonly ECDsa _caPublicKey;

        private CertificateAuthority(X509Certificate2 caCertificate, ECDsa caKey, X509Certificate2 serverCertificate)
        {
            CaCertificate = caCertificate;
            _caKey = caKey;
            _signer = X509SignatureGenerator.CreateForECDsa(caKey);
            _caPublicKey = caCertificate.GetECDsaPublicKey()!;
            ServerCertificate = serverCertificate;
            CaCertificatePem = caCertificate.ExportCertificatePem() + "\n";
        }

        /// <summary>The CA certificate (public part only).</summary>
        public X509Certificate2 CaCertificate { get; }

        /// <summary>The CA certificate as PEM: what devices trust for the server.</summary>
        public string CaCertificatePem { get; }

        /// <summary>The TLS server certificate with its key (SAN localhost, 127.0.0.1).</summary>
        public X509Certificate2 ServerCertificate { get; }

        /// <summary>Loads the CA from <paramref name="directory"/>, creating it on first use.</summary>
        public static CertificateAuthority LoadOrCreate(string directory)
        {
            Directory.CreateDirectory(directory);
            string caCrt = Path.Combine(directory, "ca.crt"), caKey = Path.Combine(directory, "ca.key");
            string srvCrt = Path.Combine(directory, "server.crt"), srvKey = Path.Combine(directory, "server.key");
            if (!File.Exists(caCrt) || !File.Exists(caKey))
            {
                CreateCa(caCrt, caKey);
            }

            var ca = X509CertificateLoader.LoadCertificateFromFile(caCrt);
            var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(caKey));
            if (!File.Exists(srvCrt) || !File.Exists(srvKey))
            {
                CreateServer(ca, key, srvCrt, srvKey);
            }

            var server = X509Certificate2.CreateFromPemFile(srvCrt, srvKey);
            return new CertificateAuthority(ca, key, server);
        }

        /// <summary>
        /// True when <paramref name="certificate"/> was issued by this CA and is within its validity period at
        /// <paramref name="now"/>, the emulator's clock: a temporary claim's five minutes run on that clock, so a test
        /// (or `--time-scale`) that moves it expires the claim in the handshake, as AWS refuses an expired certificate.
        /// Every client certificate is a direct child of this CA, so checking the issuer name and the CA's
        /// ECDSA signature over the TBSCertificate is the whole chain; it costs a fraction of an X509Chain build,
        /// which matters when a fleet connects at once.
        /// </summary>
        public bool Verifies(X509Certificate2 certificate, DateTimeOffset now)
        {
            if (!certificate.IssuerName.RawData.AsSpan().SequenceEqual(CaCertificate.SubjectName.RawData) ||
                now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
            {
                return false;
            }

            try
            {
                var outer = new AsnReader(certificate.RawData, AsnEncodingRules.DER).ReadSequence();
                var tbs = outer.ReadEncodedValue();
                var algorithm = outer.ReadSequence();
                if (algorithm.ReadObjectIdentifier() != EcdsaWithSha256)
                {
                    return false;
                }

                byte[] signature = outer.ReadBitString(out _);
                return _caPublicKey.VerifyData(tbs.Span, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            }
            catch (AsnContentException)
            {
                return false;
            }
        }

        /// <summary>Issues a client certificate for <paramref name="request"/> (any key algorithm).</summary>
        /// <param name="request">The subject and public key.</param>
        /// <param name="notAfter">The end of its validity (a temporary claim's five minutes); by default far beyond any device's life.</param>
        public X509Certificate2 IssueClientCertificate(CertificateRequest request, DateTimeOffset? notAfter = null)
        {
            bool isRsa = request.PublicKey.Oid.Value == "1.2.840.113549.1.1.1";
            request.CertificateExtensions.Clear();
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(
                isRsa ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment : X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.2") }, false));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(CaCertificate, true, false));
            var serial = RandomNumberGenerator.GetBytes(16);
            serial[0] &= 0x7F; // a positive INTEGER
            // X.509 validity starts on the real clock (TLS peers check it against theirs) unless an end before that is asked for,
            // as for a temporary claim on an emulator clock set in the past.
            var end = notAfter ?? DeviceNotAfter;
            var start = DateTimeOffset.UtcNow.AddMinutes(-5);
            return request.Create(CaCertificate.SubjectName, _signer, end <= start ? end.AddMinutes(-10) : start, end, serial);
        }

        /// <summary>The AWS certificate id: the SHA-256 of the DER encoding, 64 lowercase hex digits.</summary>
        public static string IdOf(X509Certificate2 certificate) =>
            Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));

        public void Dispose()
        {
            _caKey.Dispose();
            _caPublicKey.Dispose();
            ServerCertificate.Dispose();
            CaCertificate.Dispose();
        }

        private static void CreateCa(string crtPath, string keyPath)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var req = new CertificateRequest("CN=NanoFleet Cloud Emulator CA, O=NanoFleet", key, HashAlgorithmName.SHA256);
            req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
            using var ca = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(20));
            WriteSecret(keyPath, key.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(crtPath, ca.ExportCertificatePem() + "\n");
        }

        private static void CreateServer(X509Certificate2 ca, ECDsa caKey, string crtPath, string keyPath)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var req = new CertificateRequest("CN=localhost, O=NanoFleet", key, HashAlgorithmName.SHA256);
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("localhost");
            san.AddIpAddress(IPAddress.Loopback);
            req.CertificateExtensions.Add(san.Build());
            req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
            using var cert = req.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey),
                DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10), RandomNumberGenerator.GetBytes(16));
            WriteSecret(keyPath, key.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(crtPath, cert.ExportCertificatePem() + "\n");
        }

        /// <summary>Writes a key file readable by its owner only, via a temp file so a crash leaves no half key.</summary>
        internal static void WriteSecret(string path, string text)
        {
            string tmp = path + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(tmp, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(text);
            }

            File.Move(tmp, path, true);
        }
    }
}
