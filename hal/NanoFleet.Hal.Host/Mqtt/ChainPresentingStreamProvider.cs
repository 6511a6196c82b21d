using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Channel;

namespace NanoFleet.Hal.Host.Mqtt
{
    /// <summary>
    /// TCP and TLS for a client certificate that comes with its CA chain, as a JITP device's does: AWS IoT registers an
    /// unknown certificate only when the registered CA is in the chain the device sends. MQTTnet hands SslStream the
    /// certificate alone, so SslStream would send the leaf only; here the chain goes in a
    /// <see cref="SslStreamCertificateContext"/> and is sent whole (SslStream still leaves out a self-signed root).
    /// </summary>
    internal sealed class ChainPresentingStreamProvider : IMqttClientStreamProvider
    {
        // The validation args want channel options; the observer reads only the certificate, the chain and the errors.
        private static readonly MqttClientTcpOptions NoChannelOptions = new();
        private readonly string _targetHost;
        private readonly SslStreamCertificateContext _certificate;
        private readonly TlsHandshakeObserver _handshake;

        public ChainPresentingStreamProvider(string targetHost, X509Certificate2 certificate, X509Certificate2Collection chain, TlsHandshakeObserver handshake)
        {
            _targetHost = targetHost;
            _certificate = SslStreamCertificateContext.Create(certificate, chain, offline: true);
            _handshake = handshake;
        }

        public async Task<Stream> ConnectAsync(EndPoint remoteEndPoint, CancellationToken cancellationToken)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            SslStream? ssl = null;
            try
            {
                await socket.ConnectAsync(remoteEndPoint, cancellationToken).ConfigureAwait(false);
                ssl = new SslStream(new NetworkStream(socket, ownsSocket: true), false);
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = _targetHost,
                    ClientCertificateContext = _certificate,
                    RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                        _handshake.Validate(new MqttClientCertificateValidationEventArgs(certificate, chain, errors, NoChannelOptions)),
                }, cancellationToken).ConfigureAwait(false);
                return ssl;
            }
            catch
            {
                if (ssl is not null)
                {
                    await ssl.DisposeAsync().ConfigureAwait(false);
                }

                socket.Dispose();
                throw;
            }
        }
    }
}
