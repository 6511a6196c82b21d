using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>A new device key pair, as AWS's CreateKeysAndCertificate makes one (the MQTT API and the control plane alike).</summary>
    internal static class DeviceKeys
    {
        /// <summary>Makes a key of <paramref name="algorithm"/> and the request the CA signs for it.</summary>
        /// <param name="algorithm">EC P-256, or RSA-2048 as AWS uses.</param>
        /// <param name="privateKeyPem">The private key: SEC1 `EC PRIVATE KEY`, or `RSA PRIVATE KEY` as AWS sends it.</param>
        public static CertificateRequest Create(KeyAlgorithm algorithm, out string privateKeyPem)
        {
            if (algorithm == KeyAlgorithm.EcP256)
            {
                using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                privateKeyPem = key.ExportECPrivateKeyPem();
                return new CertificateRequest("CN=AWS IoT Certificate", key, HashAlgorithmName.SHA256);
            }

            using var rsa = RSA.Create(2048);
            privateKeyPem = rsa.ExportRSAPrivateKeyPem();
            return new CertificateRequest("CN=AWS IoT Certificate", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }
}
