#pragma warning disable CS0436 // CryptographicException is the System.Net stand-in of this project, not .NET's
using System;
using System.Net.Sockets;
using System.Security.Cryptography;
using NanoFleet.Hal;
using Xunit;

namespace NanoFleet.Hal.Esp32.Tests
{
    /// <summary>
    /// Each row is what M2Mqtt's Connect wraps in MqttConnectionException (MqttClient.cs: "Socket exception
    /// connecting to the broker" for a SocketException, "Exception connecting to the broker" for the rest),
    /// i.e. what System.Net's SslStream and the nanoCLR's SslNative.cpp throw, for each nanoCLR generation.
    /// Esp32MqttSession passes that InnerException to <see cref="ConnectFailure.FromConnectException"/>.
    /// </summary>
    public class ConnectFailureTests
    {
        public static TheoryData<string, Exception, MqttConnectResult> Generations => new()
        {
            // Every generation: the socket layer (connect refused, host unreachable, timed out) and DNS.
            { "any: TCP connect refused", new SocketException(10061), MqttConnectResult.NetworkError },
            { "any: TCP connect timed out", new SocketException(10060), MqttConnectResult.NetworkError },

            // Before nf-interpreter #3460 (System.Net 1.11.54, native 100.2.0.12): TLS setup and handshake both throw
            // SocketException; the handshake's code is mbedtls_ssl_handshake's raw return value.
            { "pre-3460: TLS setup failed", new SocketException(-1), MqttConnectResult.Error },
            { "pre-3460: server aborts with an alert (our certificate refused)", new SocketException(-0x7780), MqttConnectResult.CredentialsRejected },
            { "pre-3460: server chain did not verify", new SocketException(-0x2700), MqttConnectResult.ServerUntrusted },
            { "pre-3460: connection reset during handshake", new SocketException(-0x0050), MqttConnectResult.NetworkError },
            { "pre-3460: handshake EOF", new SocketException(-0x7280), MqttConnectResult.NetworkError },
            { "pre-3460: own key unusable", new SocketException(-0x3D00), MqttConnectResult.BadCredentials },

            // #3460 (System.Net 1.11.55+): SecureClientInit maps SslError to CLR exceptions; the handshake still
            // throws SocketException with the raw mbedTLS code.
            { "3460: no heap for the TLS context (SslError_OutOfMemory)", new OutOfMemoryException(), MqttConnectResult.Error },
            { "3460: no free TLS context (SslError_NoFreeContext)", new InvalidOperationException(), MqttConnectResult.Error },
            { "3460: SslError_DrbgSeedFailed", new CryptographicException(3), MqttConnectResult.Error },
            { "3460: SslError_PrivateKeyParseFailed", new CryptographicException(6), MqttConnectResult.Error },
            { "3460: SslError_OwnCertConfigFailed (not a verify bitmask)", new CryptographicException(8), MqttConnectResult.Error },
            { "3460: SslError_SetupFailed", new CryptographicException(9), MqttConnectResult.Error },
            { "3460: any other SslError (CLR_E_FAIL)", new Exception(), MqttConnectResult.Error },
            { "3460: server aborts with an alert", new SocketException(-0x7780), MqttConnectResult.CredentialsRejected },

            // #3468 (the pinned nf-interpreter, native 100.2.0.14): the handshake throws CryptographicException, with the
            // verify flags when the server certificate failed verification, else the raw mbedTLS code.
            { "3468: server aborts with an alert (our certificate refused)", new CryptographicException(-0x7780), MqttConnectResult.CredentialsRejected },
            { "3468: peer closed during handshake", new CryptographicException(-0x7880), MqttConnectResult.NetworkError },
            { "3468: handshake timed out", new CryptographicException(-0x6800), MqttConnectResult.NetworkError },
            { "3468: verify flags BADCERT_OTHER", new CryptographicException(0x0100), MqttConnectResult.ServerUntrusted },
            { "3468: verify flags NOT_TRUSTED | BAD_KEY", new CryptographicException(0x10008), MqttConnectResult.ServerUntrusted },
            { "3468: verify flags EXPIRED", new CryptographicException(0x01), MqttConnectResult.ServerUntrusted },
            { "3468: verify flags NOT_TRUSTED, indistinguishable from OwnCertConfigFailed", new CryptographicException(0x08), MqttConnectResult.Error },
            { "3468: SetHostname or bad context (CLR_E_INVALID_OPERATION)", new InvalidOperationException(), MqttConnectResult.Error },
        };

        [Theory]
        [MemberData(nameof(Generations))]
        public void FromConnectException_SortsWhatEachNanoClrThrows(string what, Exception thrown, MqttConnectResult expected)
        {
            Assert.True(expected == ConnectFailure.FromConnectException(thrown), what);
        }

        [Fact]
        public void FromConnectException_NoCause_IsAnError()
        {
            Assert.Equal(MqttConnectResult.Error, ConnectFailure.FromConnectException(null));
        }

        [Fact]
        public void FromConnectException_DotNetsOwnCryptographicException_IsAnError()
        {
            // Same full name, no _errorCode field: the code reads as 0, never as a verdict on anyone's certificate.
            Assert.Equal(MqttConnectResult.Error, ConnectFailure.FromConnectException(
                (Exception)Activator.CreateInstance(typeof(object).Assembly.GetType(ConnectFailure.CryptographicExceptionName, throwOnError: true)!)!));
        }

        [Theory]
        [InlineData(-0x2700, MqttConnectResult.ServerUntrusted)]       // MBEDTLS_ERR_X509_CERT_VERIFY_FAILED
        [InlineData(-0x7780, MqttConnectResult.CredentialsRejected)]   // fatal alert from the server: our certificate
        [InlineData(-0x7280, MqttConnectResult.NetworkError)]          // connection EOF
        [InlineData(-0x7880, MqttConnectResult.NetworkError)]          // peer close notify
        [InlineData(-0x6800, MqttConnectResult.NetworkError)]          // handshake timeout
        [InlineData(-0x0050, MqttConnectResult.NetworkError)]          // MBEDTLS_ERR_NET_CONN_RESET
        [InlineData(-0x0052, MqttConnectResult.NetworkError)]          // MBEDTLS_ERR_NET_UNKNOWN_HOST
        [InlineData(-0x0042, MqttConnectResult.NetworkError)]          // MBEDTLS_ERR_NET_SOCKET_FAILED
        [InlineData(-0x3D00, MqttConnectResult.BadCredentials)]        // MBEDTLS_ERR_PK_KEY_INVALID_FORMAT
        [InlineData(-0x2180, MqttConnectResult.BadCredentials)]        // MBEDTLS_ERR_X509_INVALID_FORMAT
        [InlineData(-0x7100, MqttConnectResult.Error)]                 // MBEDTLS_ERR_SSL_BAD_INPUT_DATA: ours, not theirs
        [InlineData(-1, MqttConnectResult.Error)]
        public void FromMbedTlsError_SortsEachFailure(int code, MqttConnectResult expected)
        {
            Assert.Equal(expected, ConnectFailure.FromMbedTlsError(code));
        }

        [Theory]
        [InlineData(0x00, MqttConnectResult.Success)]
        [InlineData(0x05, MqttConnectResult.CredentialsRejected)]     // 3.1.1 not authorized: AWS IoT's answer to an inactive certificate
        [InlineData(0x04, MqttConnectResult.CredentialsRejected)]
        [InlineData(0x87, MqttConnectResult.CredentialsRejected)]     // 5.0 not authorized
        [InlineData(0x86, MqttConnectResult.CredentialsRejected)]
        [InlineData(0x8A, MqttConnectResult.CredentialsRejected)]     // banned
        [InlineData(0x03, MqttConnectResult.NetworkError)]            // server unavailable: retry, never blame the certificate
        [InlineData(0x88, MqttConnectResult.NetworkError)]
        [InlineData(0x89, MqttConnectResult.NetworkError)]
        [InlineData(0x9F, MqttConnectResult.NetworkError)]
        [InlineData(0x01, MqttConnectResult.Error)]                   // protocol version refused
        [InlineData(0x02, MqttConnectResult.Error)]                   // client id refused
        [InlineData(0x85, MqttConnectResult.Error)]
        public void FromConnack_SortsEachReturnCode(int code, MqttConnectResult expected)
        {
            Assert.Equal(expected, ConnectFailure.FromConnack(code));
        }

        [Fact]
        public void OnlyRefusalsEverCountAgainstTheCredentials()
        {
            // Sweep every one-byte CONNACK code and the whole mbedTLS error space through both exception types:
            // the only inputs that may burn a device's credentials are the explicit refusals.
            for (int code = 0; code <= 0xFF; code++)
            {
                bool refusal = code is 0x04 or 0x05 or 0x86 or 0x87 or 0x8A or 0x8C;
                Assert.Equal(refusal, ConnectFailure.FromConnack(code) == MqttConnectResult.CredentialsRejected);
            }

            for (int code = -0x8000; code <= 0x20000; code++)
            {
                bool alert = code == -0x7780;
                Assert.Equal(alert, ConnectFailure.FromSocketError(code) == MqttConnectResult.CredentialsRejected);
                Assert.Equal(alert, ConnectFailure.FromCryptographicError(code) == MqttConnectResult.CredentialsRejected);
            }
        }

        [Fact]
        public void Describe_NamesTypeAndCode_AndTheAmbiguity()
        {
            Assert.Equal("SocketException -30592", ConnectFailure.Describe(new SocketException(-0x7780)));
            Assert.StartsWith("CryptographicException 8 (", ConnectFailure.Describe(new CryptographicException(8)));
            Assert.Equal("CryptographicException 256", ConnectFailure.Describe(new CryptographicException(0x100)));
            Assert.Equal("System.OutOfMemoryException", ConnectFailure.Describe(new OutOfMemoryException()));
        }
    }
}
