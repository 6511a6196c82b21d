using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace NanoFleet.Hal.Host.Keys
{
    /// <summary>
    /// A device that makes its own key pair: an EC P-256 key and a PKCS#10 request for it, so the
    /// core uses CreateCertificateFromCsr and the private key never crosses the network. P-256 is
    /// what an ESP32 can make quickly with mbedTLS; the request is signed with SHA-256.
    /// </summary>
    public sealed class EcCsrSource : ICsrSource
    {
        /// <inheritdoc />
        public byte[]? CreateCsr(string commonName, out byte[] privateKeyPem)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(new X500DistinguishedName("CN=" + commonName), key, HashAlgorithmName.SHA256);
            privateKeyPem = Encoding.UTF8.GetBytes(key.ExportPkcs8PrivateKeyPem());
            return Encoding.UTF8.GetBytes(request.CreateSigningRequestPem());
        }
    }
}
