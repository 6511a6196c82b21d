using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NanoFleet.Hal.Host.Mqtt
{
    /// <summary>
    /// Decides whether a server certificate is trusted: it must chain to one of the configured CAs
    /// (not the machine's store, exactly as a device trusts only the CA in its claim partition) and
    /// match the host name.
    /// </summary>
    public static class CustomRootValidator
    {
        /// <summary>Validates <paramref name="serverCertificate"/> against <paramref name="authorities"/>.</summary>
        /// <param name="serverCertificate">The leaf the server presented.</param>
        /// <param name="presentedChain">The chain SslStream built, whose extra elements supply intermediates the server sent.</param>
        /// <param name="policyErrors">What SslStream found with the system trust; name mismatch and a missing certificate are fatal here too.</param>
        /// <param name="authorities">The only trusted roots.</param>
        /// <returns>True when the certificate chains to one of <paramref name="authorities"/> and names the host.</returns>
        public static bool IsTrusted(X509Certificate? serverCertificate, X509Chain? presentedChain, SslPolicyErrors policyErrors, X509Certificate2Collection authorities)
        {
            if (serverCertificate is null
                || (policyErrors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
            // Devices have no revocation source; AWS IoT revokes device certificates server-side.
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (presentedChain is not null)
            {
                foreach (X509ChainElement element in presentedChain.ChainElements)
                {
                    chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            var leaf = serverCertificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(serverCertificate.GetRawCertData());
            return chain.Build(leaf);
        }
    }
}
