namespace NanoFleet.Hal
{
    /// <summary>
    /// Everything needed to open one mTLS MQTT session. PEM strings are held only as long as the
    /// session needs them; <see cref="ToString"/> never shows the key.
    /// </summary>
    public sealed class MqttCredentials
    {
        /// <summary>Creates the credentials for one connection.</summary>
        public MqttCredentials(string host, int port, string clientId, string caPem, string certificatePem, string privateKeyPem)
        {
            Host = host;
            Port = port;
            ClientId = clientId;
            CaPem = caPem;
            CertificatePem = certificatePem;
            PrivateKeyPem = privateKeyPem;
        }

        /// <summary>Broker host name (the AWS IoT endpoint or the emulator).</summary>
        public string Host { get; }

        /// <summary>Broker TLS port, normally 8883.</summary>
        public int Port { get; }

        /// <summary>MQTT client id.</summary>
        public string ClientId { get; }

        /// <summary>Trusted CA (PEM) for the server certificate.</summary>
        public string CaPem { get; }

        /// <summary>Client certificate (PEM).</summary>
        public string CertificatePem { get; }

        /// <summary>Client private key (PEM). Secret: never logged.</summary>
        public string PrivateKeyPem { get; }

        /// <inheritdoc />
        public override string ToString() => "mqtts://" + Host + ":" + Port + " as " + ClientId;
    }
}
