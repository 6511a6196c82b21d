using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>
    /// The keys AWS IoT signs a CSR for: RSA of at least 2048 bits, or ECDSA on NIST P-256, P-384 or P-521.
    /// Anything else (RSA-1024, secp256k1, P-192, Ed25519, …) is a client's mistake: 400 InvalidRequestException.
    /// </summary>
    internal static class CsrKeyRules
    {
        public const int MinimumRsaBits = 2048;
        private const string RsaOid = "1.2.840.113549.1.1.1";
        private const string EcOid = "1.2.840.10045.2.1";
        private static readonly string[] NistCurves = { "1.2.840.10045.3.1.7", "1.3.132.0.34", "1.3.132.0.35" }; // P-256, P-384, P-521

        /// <summary>Null when AWS would sign for <paramref name="key"/>; otherwise why not.</summary>
        public static string? Problem(PublicKey key)
        {
            try
            {
                switch (key.Oid.Value)
                {
                    case RsaOid:
                        using (var rsa = key.GetRSAPublicKey()!)
                        {
                            return rsa.KeySize >= MinimumRsaBits ? null : $"an RSA key of {rsa.KeySize} bits is too short (at least {MinimumRsaBits})";
                        }

                    case EcOid:
                        using (var ec = key.GetECDsaPublicKey()!)
                        {
                            string? curve = ec.ExportParameters(false).Curve.Oid?.Value;
                            return Array.IndexOf(NistCurves, curve) >= 0 ? null : $"the EC curve {curve ?? "(explicit parameters)"} is not P-256, P-384 or P-521";
                        }

                    default:
                        return $"the key algorithm {key.Oid.FriendlyName ?? key.Oid.Value} is not RSA or ECDSA";
                }
            }
            catch (CryptographicException ex)
            {
                return "the public key cannot be read: " + ex.Message;
            }
        }
    }
}
