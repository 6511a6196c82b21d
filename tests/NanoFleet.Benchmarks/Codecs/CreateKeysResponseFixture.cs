using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetCbor = System.Formats.Cbor;

namespace NanoFleet.Benchmarks.Codecs
{
    /// <summary>The device key a CreateKeysAndCertificate response carries.</summary>
    public enum CredentialKind
    {
        /// <summary>RSA-2048, what AWS IoT's CreateKeysAndCertificate hands out (about 4 KB in all).</summary>
        Rsa2048,

        /// <summary>EC P-256, the small end (about 1.9 KB in all).</summary>
        EcP256,
    }

    /// <summary>
    /// A CreateKeysAndCertificate accepted response shaped like AWS's: a fresh key and self-signed
    /// certificate made at run time (nothing is stored), a 64-hex certificate id and a token of
    /// AWS's typical length. With RSA-2048 it is about 4 KB. The same four fields in JSON (PEM
    /// newlines escaped as \n, as AWS sends them) and in CBOR (a definite-length map of text).
    /// </summary>
    public sealed class CreateKeysResponseFixture
    {
        public CreateKeysResponseFixture()
            : this(CredentialKind.Rsa2048)
        {
        }

        public CreateKeysResponseFixture(CredentialKind kind)
        {
            using X509Certificate2 certificate = kind == CredentialKind.Rsa2048 ? SelfSignedRsa(out string key) : SelfSignedEc(out key);
            CertificatePem = certificate.ExportCertificatePem() + "\n";
            PrivateKeyPem = key;
            CertificateId = Convert.ToHexString(SHA256.HashData(certificate.RawData)).ToLowerInvariant();
            Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(700));
            var fields = new
            {
                certificateId = CertificateId,
                certificatePem = CertificatePem,
                privateKey = PrivateKeyPem,
                certificateOwnershipToken = Token,
            };
            Json = JsonSerializer.SerializeToUtf8Bytes(fields);
            MinimallyEscapedJson = JsonSerializer.SerializeToUtf8Bytes(fields, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

            var writer = new NetCbor.CborWriter(NetCbor.CborConformanceMode.Strict);
            writer.WriteStartMap(4);
            writer.WriteTextString("certificateId");
            writer.WriteTextString(CertificateId);
            writer.WriteTextString("certificatePem");
            writer.WriteTextString(CertificatePem);
            writer.WriteTextString("privateKey");
            writer.WriteTextString(PrivateKeyPem);
            writer.WriteTextString("certificateOwnershipToken");
            writer.WriteTextString(Token);
            writer.WriteEndMap();
            Cbor = writer.Encode();
        }

        public string CertificateId { get; }

        public string CertificatePem { get; }

        public string PrivateKeyPem { get; }

        public string Token { get; }

        /// <summary>The JSON as System.Text.Json writes it by default: also the token's '+' escaped, as \u002B.</summary>
        public byte[] Json { get; }

        /// <summary>
        /// The JSON with only what JSON requires escaped (the PEM newlines), as AWS IoT sends it. The
        /// nanoCLR benchmark needs it: nanoFramework.Json 2.2.203 refuses a \u escape with a hex
        /// letter other than e or E (it checks the four digits as characters of a JSON number), so
        /// \u002B fails there.
        /// </summary>
        public byte[] MinimallyEscapedJson { get; }

        public byte[] Cbor { get; }

        private static X509Certificate2 SelfSignedRsa(out string privateKeyPem)
        {
            using RSA rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=nanofleet-bench-device", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            privateKeyPem = rsa.ExportRSAPrivateKeyPem() + "\n";
            return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        }

        private static X509Certificate2 SelfSignedEc(out string privateKeyPem)
        {
            using ECDsa ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=nanofleet-bench-device", ec, HashAlgorithmName.SHA256);
            privateKeyPem = ec.ExportECPrivateKeyPem() + "\n";
            return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        }
    }
}
