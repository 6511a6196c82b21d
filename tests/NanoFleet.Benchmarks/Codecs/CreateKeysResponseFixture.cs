using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using NetCbor = System.Formats.Cbor;

namespace NanoFleet.Benchmarks.Codecs
{
    /// <summary>
    /// A CreateKeysAndCertificate accepted response of about 4 KB, shaped like AWS's: a fresh
    /// RSA-2048 key and self-signed certificate made at run time (nothing is stored), a 64-hex
    /// certificate id and a token of AWS's typical length. The same four fields in JSON (PEM
    /// newlines escaped as \n, as AWS sends them) and in CBOR (a definite-length map of text).
    /// </summary>
    public sealed class CreateKeysResponseFixture
    {
        public CreateKeysResponseFixture()
        {
            using RSA rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=nanofleet-bench-device", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            CertificatePem = certificate.ExportCertificatePem() + "\n";
            PrivateKeyPem = rsa.ExportRSAPrivateKeyPem() + "\n";
            CertificateId = Convert.ToHexString(SHA256.HashData(certificate.RawData)).ToLowerInvariant();
            Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(700));
            Json = JsonSerializer.SerializeToUtf8Bytes(new
            {
                certificateId = CertificateId,
                certificatePem = CertificatePem,
                privateKey = PrivateKeyPem,
                certificateOwnershipToken = Token,
            });

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

        public byte[] Json { get; }

        public byte[] Cbor { get; }
    }
}
