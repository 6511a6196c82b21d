namespace NanoFleet.Provisioning
{
    /// <summary>
    /// What a provisioned device keeps: its own certificate and key, thing name and configuration.
    /// Holds the private key: <see cref="ToString"/> shows only ids and names.
    /// </summary>
    public sealed class DeviceCredentials
    {
        /// <summary>64 hex characters, from the create response.</summary>
        public string CertificateId { get; set; } = "";

        /// <summary>The device certificate (PEM text, UTF-8: kept as the response carried it and flash stores it).</summary>
        public byte[] CertificatePem { get; set; } = new byte[0];

        /// <summary>The device private key (PEM text, UTF-8). Secret.</summary>
        public byte[] PrivateKeyPem { get; set; } = new byte[0];

        /// <summary>The thing name from RegisterThing.</summary>
        public string ThingName { get; set; } = "";

        /// <summary>The template's DeviceConfiguration.</summary>
        public StringMap DeviceConfiguration { get; } = new StringMap();

        /// <summary>The template this device was provisioned with.</summary>
        public string TemplateName { get; set; } = "";

        /// <summary>When provisioning completed (Unix seconds; 0 when the device had no wall clock).</summary>
        public long ProvisionedAtUnixSeconds { get; set; }

        /// <summary>True when every field a connection needs is present (never persist otherwise).</summary>
        public bool IsComplete =>
            CertificateId.Length == 64 && CertificatePem.Length > 0 && PrivateKeyPem.Length > 0 && ThingName.Length > 0;

        /// <inheritdoc />
        public override string ToString() => "thing " + ThingName + ", certificate " + CertificateId;
    }
}
