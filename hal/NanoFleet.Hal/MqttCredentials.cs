namespace NanoFleet.Hal
{
    /// <summary>
    /// Everything needed to open one mTLS MQTT session. The PEMs are UTF-8 bytes, as flash holds
    /// them and as the device's TLS stack (mbedTLS, through nanoFramework's
    /// <c>X509Certificate2(byte[], byte[], string)</c>) takes them: no string copy on the way, and a
    /// key in an array can be wiped. <see cref="ToString"/> never shows the key.
    /// </summary>
    public sealed class MqttCredentials
    {
        /// <summary>Creates the credentials for one connection.</summary>
        public MqttCredentials(string host, int port, string clientId, byte[] caPem, byte[] certificatePem, byte[] privateKeyPem)
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

        /// <summary>Trusted CA for the server certificate (PEM text, UTF-8, no terminator).</summary>
        public byte[] CaPem { get; }

        /// <summary>Client certificate (PEM text, UTF-8, no terminator).</summary>
        public byte[] CertificatePem { get; }

        /// <summary>Client private key (PEM text, UTF-8, no terminator). Secret: never logged.</summary>
        public byte[] PrivateKeyPem { get; }

        /// <inheritdoc />
        public override string ToString() => "mqtts://" + Host + ":" + Port + " as " + ClientId;
    }
}
