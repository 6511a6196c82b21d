namespace NanoFleet.Hal
{
    /// <summary>
    /// How a connect attempt ended. The split matters: only <see cref="CredentialsRejected"/> counts
    /// towards "the device certificate no longer works"; network trouble never does.
    /// </summary>
    public enum MqttConnectResult
    {
        /// <summary>Unclassified failure.</summary>
        Error = 0,
        /// <summary>CONNACK accepted.</summary>
        Success,
        /// <summary>DNS, TCP, timeout or Wi-Fi: the peer was never reached or went away.</summary>
        NetworkError,
        /// <summary>The TLS handshake rejected our certificate, or CONNACK said not authorized.</summary>
        CredentialsRejected,
        /// <summary>The server certificate did not chain to the configured CA.</summary>
        ServerUntrusted,
        /// <summary>The PEM certificate or key could not be loaded.</summary>
        BadCredentials,
    }
}
