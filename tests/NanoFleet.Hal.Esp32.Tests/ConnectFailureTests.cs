using NanoFleet.Hal;
using Xunit;

namespace NanoFleet.Hal.Esp32.Tests
{
    public class ConnectFailureTests
    {
        [Theory]
        [InlineData(0x08, MqttConnectResult.ServerUntrusted)]          // MBEDTLS_X509_BADCERT_NOT_TRUSTED
        [InlineData(0x01 | 0x04, MqttConnectResult.ServerUntrusted)]   // expired + CN mismatch
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
        [InlineData(0, MqttConnectResult.Error)]
        public void FromTlsError_SortsEachFailure(int code, MqttConnectResult expected)
        {
            Assert.Equal(expected, ConnectFailure.FromTlsError(code));
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
            // Sweep every one-byte CONNACK code and the whole mbedTLS error space: the only inputs that may
            // burn a device's credentials are the explicit refusals.
            for (int code = 0; code <= 0xFF; code++)
            {
                bool refusal = code is 0x04 or 0x05 or 0x86 or 0x87 or 0x8A or 0x8C;
                Assert.Equal(refusal, ConnectFailure.FromConnack(code) == MqttConnectResult.CredentialsRejected);
            }

            for (int code = -0x8000; code < 0; code++)
            {
                Assert.Equal(code == -0x7780, ConnectFailure.FromTlsError(code) == MqttConnectResult.CredentialsRejected);
            }
        }
    }
}
