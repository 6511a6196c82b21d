using System;
using System.Security.Cryptography;
using System.Text;
using System.Security.Cryptography.X509Certificates;

namespace NanoFleet.Hal.Host.Mqtt
{
    /// <summary>
    /// Loads the PEM text (UTF-8) a claim or device record carries into the certificates TLS needs.
    /// Failures come back as false with a reason that never quotes the key.
    /// </summary>
    public static class PemCertificates
    {
        /// <summary>Loads a client certificate together with its private key (EC or RSA; SEC1, PKCS#1 or PKCS#8).</summary>
        /// <param name="certificatePem">The certificate; when it holds a chain, the first certificate is the leaf.</param>
        /// <param name="privateKeyPem">The private key matching the certificate.</param>
        /// <param name="certificate">The certificate with its key, or null on failure.</param>
        /// <param name="reason">Why loading failed ("" on success).</param>
        /// <returns>True when both parsed and the key matches the certificate.</returns>
        public static bool TryLoadClientCertificate(byte[] certificatePem, byte[] privateKeyPem, out X509Certificate2? certificate, out string reason)
        {
            certificate = null;
            reason = "";
            // .NET parses PEM from chars: the key's chars go into an array that is wiped after.
            char[] keyChars = Encoding.UTF8.GetChars(privateKeyPem);
            try
            {
                var withKey = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(certificatePem), keyChars);
                // SslStream on Windows cannot present an ephemeral (never-persisted) key; a PKCS#12
                // round trip gives it one. Linux and macOS use the key as it is.
                if (OperatingSystem.IsWindows())
                {
                    byte[] pfx = withKey.Export(X509ContentType.Pkcs12);
                    withKey.Dispose();
                    withKey = X509CertificateLoader.LoadPkcs12(pfx, null);
                }

                certificate = withKey;
                return true;
            }
            catch (Exception ex) when (ex is CryptographicException or ArgumentException)
            {
                // The exception text describes PEM structure only; it never contains key bytes.
                reason = "client certificate or key unusable: " + ex.Message;
                return false;
            }
            finally
            {
                Array.Clear(keyChars);
            }
        }

        /// <summary>The certificates after the first in a client certificate PEM (its CA chain), or null when there are none or
        /// the PEM does not parse (loading the leaf reports that).</summary>
        public static X509Certificate2Collection? ChainAfterLeaf(byte[] certificatePem)
        {
            var all = new X509Certificate2Collection();
            try
            {
                all.ImportFromPem(Encoding.UTF8.GetString(certificatePem));
            }
            catch (CryptographicException)
            {
                return null;
            }

            if (all.Count < 2)
            {
                return null;
            }

            all.RemoveAt(0);
            return all;
        }

        /// <summary>Loads every certificate in a PEM bundle (e.g. Amazon Root CA 1, or the emulator's CA).</summary>
        /// <param name="caPem">One or more PEM certificates.</param>
        /// <param name="authorities">The certificates, or null on failure.</param>
        /// <param name="reason">Why loading failed ("" on success).</param>
        /// <returns>True when at least one certificate parsed and nothing in the bundle was malformed.</returns>
        public static bool TryLoadAuthorities(byte[] caPem, out X509Certificate2Collection? authorities, out string reason)
        {
            authorities = null;
            reason = "";
            try
            {
                var collection = new X509Certificate2Collection();
                collection.ImportFromPem(Encoding.UTF8.GetString(caPem));
                if (collection.Count == 0)
                {
                    reason = "CA PEM holds no certificate";
                    return false;
                }

                authorities = collection;
                return true;
            }
            catch (CryptographicException ex)
            {
                reason = "CA PEM unusable: " + ex.Message;
                return false;
            }
        }
    }
}
