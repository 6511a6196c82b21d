using System;
using System.Net.Sockets;
using System.Security.Authentication;
using MQTTnet;
using MQTTnet.Exceptions;

namespace NanoFleet.Hal.Host.Mqtt
{
    /// <summary>
    /// Sorts a failed connect into the <see cref="MqttConnectResult"/> the core acts on. Only
    /// <see cref="MqttConnectResult.CredentialsRejected"/> counts towards "this device certificate
    /// no longer works", so anything that may be the network must never land there.
    /// </summary>
    /// <remarks>
    /// The rules, in order:
    /// <list type="number">
    /// <item>The server certificate failed our CA check → ServerUntrusted.</item>
    /// <item>Our timeout fired, or MQTTnet timed out → NetworkError.</item>
    /// <item>The server certificate was trusted and the server then ended the TLS session or the
    /// connection before CONNACK → CredentialsRejected. With TLS 1.2 the server's alert fails the
    /// handshake; with TLS 1.3 the client finishes first and sees the close on its first read. AWS
    /// IoT, too, closes the connection when it does not accept the client certificate.</item>
    /// <item>Any other socket error (refused, unreachable, DNS) → NetworkError.</item>
    /// <item>Anything else → Error.</item>
    /// </list>
    /// </remarks>
    public static class ConnectFailureClassifier
    {
        /// <summary>Classifies a CONNACK return code.</summary>
        public static MqttConnectResult FromConnack(MqttClientConnectResultCode code) => code switch
        {
            MqttClientConnectResultCode.Success => MqttConnectResult.Success,
            MqttClientConnectResultCode.NotAuthorized or MqttClientConnectResultCode.BadUserNameOrPassword
                or MqttClientConnectResultCode.Banned => MqttConnectResult.CredentialsRejected,
            MqttClientConnectResultCode.ServerUnavailable or MqttClientConnectResultCode.ServerBusy
                or MqttClientConnectResultCode.ConnectionRateExceeded or MqttClientConnectResultCode.QuotaExceeded => MqttConnectResult.NetworkError,
            _ => MqttConnectResult.Error,
        };

        /// <summary>Classifies an exception thrown by a connect attempt.</summary>
        /// <param name="exception">What MQTTnet threw.</param>
        /// <param name="verdict">How far the TLS handshake got with the server certificate.</param>
        /// <param name="timedOut">True when the caller's connect timeout fired.</param>
        public static MqttConnectResult FromException(Exception exception, ServerCertificateVerdict verdict, bool timedOut)
        {
            if (verdict == ServerCertificateVerdict.Untrusted)
            {
                return MqttConnectResult.ServerUntrusted;
            }

            if (timedOut || Has<OperationCanceledException>(exception) || Has<TimeoutException>(exception)
                || Has<MqttCommunicationTimedOutException>(exception))
            {
                return MqttConnectResult.NetworkError;
            }

            if (verdict == ServerCertificateVerdict.Trusted)
            {
                return MqttConnectResult.CredentialsRejected;
            }

            return Has<SocketException>(exception) || Has<AuthenticationException>(exception) || Has<MqttCommunicationException>(exception)
                ? MqttConnectResult.NetworkError
                : MqttConnectResult.Error;
        }

        /// <summary>One line for logs: the innermost message plus the handshake verdict. Never holds a secret.</summary>
        public static string Describe(Exception exception, ServerCertificateVerdict verdict)
        {
            string inner = exception.GetBaseException().Message;
            return verdict switch
            {
                ServerCertificateVerdict.Untrusted => "server certificate does not chain to the configured CA or names another host",
                ServerCertificateVerdict.Trusted => "server closed the session after the TLS handshake: " + inner,
                _ => inner,
            };
        }

        private static bool Has<T>(Exception exception)
            where T : Exception
        {
            for (Exception? e = exception; e is not null; e = e.InnerException)
            {
                if (e is T)
                {
                    return true;
                }

                if (e is AggregateException aggregate)
                {
                    foreach (var inner in aggregate.InnerExceptions)
                    {
                        if (Has<T>(inner))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
