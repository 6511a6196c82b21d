using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace NanoFleet.Station.Claim
{
    /// <summary>PEM parsing and checks for the claim inputs. Messages name the source and never quote key text.</summary>
    internal static class ClaimPem
    {
        /// <summary>Every CERTIFICATE block in <paramref name="pem"/>, parsed; at least one.</summary>
        public static List<X509Certificate2> Certificates(string pem, string source)
        {
            var certificates = new List<X509Certificate2>();
            int index = 0;
            foreach (var (label, body) in Blocks(pem, source))
            {
                if (label != "CERTIFICATE") continue;
                index++;
                try
                {
                    certificates.Add(X509CertificateLoader.LoadCertificate(body));
                }
                catch (CryptographicException ex)
                {
                    throw new ClaimImageException($"{source}: certificate {index} does not parse ({ex.Message.TrimEnd('.')})");
                }
            }

            if (certificates.Count == 0) throw new ClaimImageException($"{source}: no PEM certificate (-----BEGIN CERTIFICATE-----) found");
            return certificates;
        }

        /// <summary>The one private-key block of <paramref name="pem"/>, normalized to "block\n".</summary>
        public static (string Label, string Pem) PrivateKey(string pem, string source)
        {
            var keys = new List<(string, string)>();
            foreach (var (label, body) in Blocks(pem, source))
            {
                if (label == "ENCRYPTED PRIVATE KEY")
                {
                    throw new ClaimImageException($"{source}: the private key is password-protected; the device cannot decrypt it, so export it unencrypted");
                }

                if (label is "PRIVATE KEY" or "RSA PRIVATE KEY" or "EC PRIVATE KEY") keys.Add((label, Encode(label, body)));
            }

            if (keys.Count == 0) throw new ClaimImageException($"{source}: no PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY) found");
            if (keys.Count > 1) throw new ClaimImageException($"{source}: holds {keys.Count} private keys; give exactly one");
            return keys[0];
        }

        /// <summary>Fails unless <paramref name="keyPem"/> is the private half of <paramref name="certificate"/>'s public key.</summary>
        public static void CheckKeyMatches(X509Certificate2 certificate, string keyPem, string certSource, string keySource)
        {
            byte[] certificateKey = certificate.PublicKey.ExportSubjectPublicKeyInfo();
            byte[] privateKeyPublic;
            using (var rsa = certificate.GetRSAPublicKey())
            using (var ecdsa = certificate.GetECDsaPublicKey())
            {
                try
                {
                    if (rsa is not null)
                    {
                        using var key = RSA.Create();
                        key.ImportFromPem(keyPem);
                        privateKeyPublic = key.ExportSubjectPublicKeyInfo();
                    }
                    else if (ecdsa is not null)
                    {
                        using var key = ECDsa.Create();
                        key.ImportFromPem(keyPem);
                        privateKeyPublic = key.ExportSubjectPublicKeyInfo();
                    }
                    else
                    {
                        throw new ClaimImageException($"{certSource}: the certificate's key is neither RSA nor ECDSA; the device's TLS stack needs one of them");
                    }
                }
                catch (Exception ex) when (ex is CryptographicException or ArgumentException)
                {
                    string algorithm = rsa is not null ? "RSA" : "ECDSA";
                    throw new ClaimImageException($"{keySource}: the private key is not an {algorithm} key that parses, but {certSource} holds an {algorithm} public key");
                }
            }

            if (!certificateKey.AsSpan().SequenceEqual(privateKeyPublic))
            {
                throw new ClaimImageException($"{keySource}: the private key does not match the certificate in {certSource}");
            }
        }

        /// <summary>Canonical PEM of a certificate: 64-column base64, LF line ends, trailing LF.</summary>
        public static string CertificatePem(X509Certificate2 certificate) => certificate.ExportCertificatePem().Replace("\r\n", "\n") + "\n";

        /// <summary>SHA-256 of the DER, lower-case hex (AWS IoT's certificate id).</summary>
        public static string Sha256(X509Certificate2 certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));

        private static IEnumerable<(string Label, byte[] Body)> Blocks(string pem, string source)
        {
            var fields = new List<(string, byte[])>();
            ReadOnlySpan<char> rest = pem;
            while (PemEncoding.TryFind(rest, out PemFields found))
            {
                string label = rest[found.Label].ToString();
                var data = new byte[found.DecodedDataLength];
                if (!Convert.TryFromBase64Chars(rest[found.Base64Data], data, out _))
                {
                    throw new ClaimImageException($"{source}: the {label} block's base64 does not decode");
                }

                fields.Add((label, data));
                rest = rest[found.Location.End..];
            }

            if (fields.Count == 0 && pem.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                throw new ClaimImageException($"{source}: a PEM block is malformed (check the BEGIN/END lines and the base64)");
            }

            return fields;
        }

        private static string Encode(string label, byte[] body) => new string(PemEncoding.Write(label, body)).Replace("\r\n", "\n") + "\n";

        /// <summary>UTF-8 bytes plus the NUL esp_secure_cert PEM records carry (mbedTLS needs the terminator).</summary>
        public static byte[] WithNul(string pem)
        {
            var bytes = new byte[Encoding.UTF8.GetByteCount(pem) + 1];
            Encoding.UTF8.GetBytes(pem, bytes);
            return bytes;
        }
    }
}
