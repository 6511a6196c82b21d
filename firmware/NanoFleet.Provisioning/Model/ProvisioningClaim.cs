namespace NanoFleet.Provisioning
{
    /// <summary>
    /// The factory-written claim: CA, shared claim certificate and key, and how to provision
    /// (endpoint, template, format, per-device RegisterThing parameters). Read from the
    /// esp_secure_cert partition. Holds the claim key: <see cref="ToString"/> never shows it.
    /// </summary>
    public sealed class ProvisioningClaim
    {
        /// <summary>Trusted CA for the broker (PEM text, UTF-8, as the partition holds it).</summary>
        public byte[] CaPem { get; set; } = new byte[0];

        /// <summary>The claim certificate (PEM text, UTF-8).</summary>
        public byte[] CertificatePem { get; set; } = new byte[0];

        /// <summary>The claim private key (PEM text, UTF-8). Secret.</summary>
        public byte[] PrivateKeyPem { get; set; } = new byte[0];

        /// <summary>The AWS IoT (or emulator) endpoint host.</summary>
        public string EndpointHost { get; set; } = "";

        /// <summary>The endpoint's MQTT/TLS port.</summary>
        public int EndpointPort { get; set; } = 8883;

        /// <summary>Fleet-provisioning template name (1–36 of [0-9A-Za-z_-]).</summary>
        public string TemplateName { get; set; } = "";

        /// <summary>Payload format for the provisioning API.</summary>
        public FpFormat Format { get; set; } = FpFormat.Json;

        /// <summary>
        /// True for a just-in-time provisioning image: <see cref="CertificatePem"/> and <see cref="PrivateKeyPem"/> are then
        /// the device's own certificate (with its CA in the chain) and key, there is no template, and the device connects
        /// with them directly (see <see cref="JitpMachine"/>).
        /// </summary>
        public bool JustInTime { get; set; }

        /// <summary>RegisterThing parameters written at the factory (e.g. SerialNumber).</summary>
        public StringMap Parameters { get; } = new StringMap();

        /// <summary>False for a trusted-user device: its claim partition holds the CA and the config but no claim
        /// certificate, and an installer hands it a temporary claim over the serial line.</summary>
        public bool HasClaimCertificate => CertificatePem.Length > 0;

        /// <inheritdoc />
        public override string ToString() =>
            (JustInTime ? "device certificate for just-in-time provisioning" : "claim for template " + TemplateName) + " at " + EndpointHost + ":" + EndpointPort;
    }
}
