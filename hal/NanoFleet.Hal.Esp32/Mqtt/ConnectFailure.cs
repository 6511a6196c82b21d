namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// Sorts a failed connect into the <see cref="MqttConnectResult"/> the core acts on. What matters
    /// is the split: only a refusal of our certificate or identity may count as
    /// <see cref="MqttConnectResult.CredentialsRejected"/> (and eventually make the device drop its
    /// credentials); anything that might be the network is <see cref="MqttConnectResult.NetworkError"/>.
    /// Pure functions over the numbers M2Mqtt and mbedTLS report, so they are unit-tested on the host.
    /// </summary>
    public static class ConnectFailure
    {
        // mbedTLS error codes (negative), as SslStream reports them for a failed handshake.
        private const int MbedTlsFatalAlert = -0x7780;          // MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE: the peer aborted the handshake
        private const int MbedTlsCertVerifyFailed = -0x2700;    // MBEDTLS_ERR_X509_CERT_VERIFY_FAILED: the server's chain did not verify
        private const int MbedTlsConnectionEof = -0x7280;       // MBEDTLS_ERR_SSL_CONN_EOF
        private const int MbedTlsPeerCloseNotify = -0x7880;     // MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY
        private const int MbedTlsTimeout = -0x6800;             // MBEDTLS_ERR_SSL_TIMEOUT
        private const int MbedTlsNetLowest = -0x0052;           // MBEDTLS_ERR_NET_*: -0x0042 .. -0x0052 (socket, connect, recv, send, reset)
        private const int MbedTlsNetHighest = -0x0042;
        private const int MbedTlsX509Lowest = -0x3000;          // MBEDTLS_ERR_X509_*: parse failures of our own certificate
        private const int MbedTlsX509Highest = -0x2080;
        private const int MbedTlsPkLowest = -0x3F80;            // MBEDTLS_ERR_PK_*: our private key could not be used
        private const int MbedTlsPkHighest = -0x3880;

        /// <summary>
        /// Classifies the CryptographicException.ErrorCode of a failed TLS handshake: a positive value
        /// is the MBEDTLS_X509_BADCERT_* bitmask of the server certificate check, a negative one the raw
        /// mbedTLS error.
        /// </summary>
        /// <returns>ServerUntrusted, CredentialsRejected, BadCredentials, NetworkError or Error.</returns>
        public static MqttConnectResult FromTlsError(int errorCode)
        {
            if (errorCode > 0 || errorCode == MbedTlsCertVerifyFailed)
            {
                return MqttConnectResult.ServerUntrusted;
            }

            if (errorCode == MbedTlsFatalAlert)
            {
                // In mutual TLS the server aborts with an alert (bad_certificate, unknown_ca,
                // certificate_revoked, ...) when it does not accept our certificate.
                return MqttConnectResult.CredentialsRejected;
            }

            if (errorCode == MbedTlsConnectionEof || errorCode == MbedTlsPeerCloseNotify || errorCode == MbedTlsTimeout ||
                (errorCode >= MbedTlsNetLowest && errorCode <= MbedTlsNetHighest))
            {
                // A dropped socket is not proof of rejection: never let it count against the credentials.
                return MqttConnectResult.NetworkError;
            }

            if ((errorCode >= MbedTlsX509Lowest && errorCode <= MbedTlsX509Highest) ||
                (errorCode >= MbedTlsPkLowest && errorCode <= MbedTlsPkHighest))
            {
                return MqttConnectResult.BadCredentials;
            }

            return MqttConnectResult.Error;
        }

        /// <summary>
        /// Classifies a CONNACK return code (MqttReasonCode as a number): the MQTT 3.1.1 refusals 0x01-0x05
        /// and the MQTT 5 reason codes 0x80 and up.
        /// </summary>
        /// <returns>Success, CredentialsRejected, NetworkError or Error.</returns>
        public static MqttConnectResult FromConnack(int returnCode)
        {
            switch (returnCode)
            {
                case 0x00:
                    return MqttConnectResult.Success;
                case 0x04: // 3.1.1 bad user name or password
                case 0x05: // 3.1.1 not authorized (AWS IoT: certificate not attached, inactive or policy denies connect)
                case 0x86: // 5: bad user name or password
                case 0x87: // 5: not authorized
                case 0x8A: // 5: banned
                case 0x8C: // 5: bad authentication method
                    return MqttConnectResult.CredentialsRejected;
                case 0x03: // 3.1.1 server unavailable
                case 0x88: // 5: server unavailable
                case 0x89: // 5: server busy
                case 0x9C: // 5: use another server
                case 0x9D: // 5: server moved
                case 0x9F: // 5: connection rate exceeded
                    return MqttConnectResult.NetworkError;
                default:
                    return MqttConnectResult.Error;
            }
        }
    }
}
