using System.Security.Cryptography.X509Certificates;
using System.Threading;
using MQTTnet;

namespace NanoFleet.Hal.Host.Mqtt
{
    /// <summary>How far one TLS handshake got with the server certificate.</summary>
    public enum ServerCertificateVerdict
    {
        /// <summary>The server never presented a certificate (TCP failed, or no TLS at all).</summary>
        NotSeen = 0,
        /// <summary>The server certificate chained to the configured CA and named the host.</summary>
        Trusted,
        /// <summary>The server certificate did not chain to the configured CA, or named another host.</summary>
        Untrusted,
    }

    /// <summary>
    /// Validates the server certificate for one connect attempt and remembers the verdict, so a
    /// failure after the handshake can be told apart from one before it.
    /// </summary>
    internal sealed class TlsHandshakeObserver
    {
        private readonly X509Certificate2Collection _authorities;
        private int _verdict;

        public TlsHandshakeObserver(X509Certificate2Collection authorities)
        {
            _authorities = authorities;
        }

        public ServerCertificateVerdict Verdict => (ServerCertificateVerdict)Volatile.Read(ref _verdict);

        public bool Validate(MqttClientCertificateValidationEventArgs e)
        {
            bool trusted = CustomRootValidator.IsTrusted(e.Certificate, e.Chain, e.SslPolicyErrors, _authorities);
            Volatile.Write(ref _verdict, (int)(trusted ? ServerCertificateVerdict.Trusted : ServerCertificateVerdict.Untrusted));
            return trusted;
        }
    }
}
