using System;
using System.Net.Sockets;
using System.Reflection;

namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// Sorts a failed connect into the <see cref="MqttConnectResult"/> the core acts on. What matters
    /// is the split: only a refusal of our certificate or identity may count as
    /// <see cref="MqttConnectResult.CredentialsRejected"/> (and eventually make the device drop its
    /// credentials); anything that might be the network is <see cref="MqttConnectResult.NetworkError"/>.
    /// Pure functions over what M2Mqtt, System.Net and the nanoCLR throw, unit-tested on the host.
    /// </summary>
    /// <remarks>
    /// What a TLS failure looks like depends on the nanoCLR build (nf-interpreter's SslNative.cpp), and
    /// the same HAL runs on all of them, so every shape is handled:
    /// <list type="bullet">
    /// <item>Before nf-interpreter #3468 a failed handshake throws SocketException carrying the raw,
    /// negative mbedTLS code; from #3468 on it throws CryptographicException with the same code, or,
    /// when the server certificate failed verification, with the positive MBEDTLS_X509_BADCERT_* flags.</item>
    /// <item>From #3460 on a failed TLS setup (SecureClientInit) throws CryptographicException with a
    /// positive SslError 3-9, OutOfMemoryException, or InvalidOperationException (no free TLS context);
    /// before it, SocketException -1.</item>
    /// <item>Socket-level failures (refused, unreachable, timed out) throw SocketException with a
    /// positive socket error.</item>
    /// </list>
    /// System.Net 1.11.54, which this compiles against, has no CryptographicException (1.11.55 and
    /// later have it), so it is recognised by its full name and its code read from the _errorCode field
    /// the nanoCLR fills (sys_net_native.h, FIELD___errorCode).
    /// </remarks>
    public static class ConnectFailure
    {
        /// <summary>Full name of System.Net's CryptographicException (System.Net 1.11.55 and later).</summary>
        public const string CryptographicExceptionName = "System.Security.Cryptography.CryptographicException";

        // mbedTLS error codes (negative), as the handshake reports them.
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

        // SslError values SecureClientInit throws as CryptographicException (nanoPAL_Sockets.h: DrbgSeedFailed = 3 .. SetupFailed = 9).
        private const int SslErrorLowest = 3;
        private const int SslErrorHighest = 9;

        /// <summary>
        /// Classifies what M2Mqtt's Connect wrapped in MqttConnectionException (its InnerException):
        /// the exception System.Net or the nanoCLR threw while opening the TLS connection.
        /// </summary>
        /// <returns>CredentialsRejected, ServerUntrusted, BadCredentials, NetworkError or Error.</returns>
        public static MqttConnectResult FromConnectException(Exception cause)
        {
            if (cause is SocketException socket)
            {
                return FromSocketError(socket.ErrorCode);
            }

            if (IsCryptographicException(cause))
            {
                return FromCryptographicError(ErrorCodeOf(cause!));
            }

            // OutOfMemoryException (no heap for the TLS context), InvalidOperationException (no free TLS
            // context), a plain Exception (any other SslError): local and possibly passing, never the server's verdict.
            return MqttConnectResult.Error;
        }

        /// <summary>
        /// Classifies SocketException.ErrorCode: negative is a raw mbedTLS code (a failed handshake before
        /// nf-interpreter #3468; -1 a failed TLS setup before #3460), positive a socket error.
        /// </summary>
        public static MqttConnectResult FromSocketError(int errorCode) =>
            errorCode < 0 ? FromMbedTlsError(errorCode) : MqttConnectResult.NetworkError;

        /// <summary>
        /// Classifies CryptographicException's error code (nf-interpreter #3460 and later). Negative is a raw
        /// mbedTLS code of the handshake. Positive is either SecureClientInit's SslError (3-9) or, from #3468
        /// on, the server-certificate verify flags; 3-9 can be either (8 is OwnCertConfigFailed and also
        /// BADCERT_NOT_TRUSTED) and the exception does not say which, so they are an Error: retried like one,
        /// and a certificate that keeps failing verification still ends in the long backoff once the retries run out.
        /// </summary>
        public static MqttConnectResult FromCryptographicError(int errorCode)
        {
            if (errorCode < 0)
            {
                return FromMbedTlsError(errorCode);
            }

            if (errorCode == 0 || IsAmbiguousCryptographicError(errorCode))
            {
                return MqttConnectResult.Error;
            }

            return MqttConnectResult.ServerUntrusted;
        }

        /// <summary>True for a CryptographicException code that may be a TLS setup error or the verify flags.</summary>
        public static bool IsAmbiguousCryptographicError(int errorCode) => errorCode >= SslErrorLowest && errorCode <= SslErrorHighest;

        /// <summary>Classifies a raw (negative) mbedTLS error of the handshake.</summary>
        /// <returns>ServerUntrusted, CredentialsRejected, BadCredentials, NetworkError or Error.</returns>
        public static MqttConnectResult FromMbedTlsError(int errorCode)
        {
            if (errorCode == MbedTlsCertVerifyFailed)
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

        /// <summary>
        /// The failure as one log line: exception type and error code, never the message (it is not ours to
        /// vouch for). Says when a CryptographicException code is one of the ambiguous ones.
        /// </summary>
        public static string Describe(Exception cause)
        {
            if (cause == null)
            {
                return "no inner exception";
            }

            if (cause is SocketException socket)
            {
                return "SocketException " + socket.ErrorCode;
            }

            if (IsCryptographicException(cause))
            {
                int code = ErrorCodeOf(cause);
                return "CryptographicException " + code
                    + (IsAmbiguousCryptographicError(code) ? " (a TLS setup SslError, or the server certificate's verify flags: the nanoCLR does not say which)" : "");
            }

            return cause.GetType().FullName ?? "an exception";
        }

        private static bool IsCryptographicException(Exception cause) => cause != null && cause.GetType().FullName == CryptographicExceptionName;

        // The field ThrowCryptographicError sets; 0 (an Error) when a System.Net build lays it out differently.
        private static int ErrorCodeOf(Exception cause)
        {
            FieldInfo field = cause.GetType().GetField("_errorCode", BindingFlags.NonPublic | BindingFlags.Instance);
            object value = field == null ? null : field.GetValue(cause);
            return value is int code ? code : 0;
        }
    }
}
