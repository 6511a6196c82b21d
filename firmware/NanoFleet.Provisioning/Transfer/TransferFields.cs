namespace NanoFleet.Provisioning.Transfer
{
    /// <summary>
    /// Field tags inside a frame's payload. Each field is tag (1 byte), length (2 bytes, little-endian)
    /// and value; text is UTF-8, integers are little-endian. Unknown tags are skipped, so a newer
    /// installer can add fields an older device ignores.
    /// </summary>
    public static class TransferFields
    {
        /// <summary>HELLO: the device's MAC, 12 lower-case hex digits.</summary>
        public const byte MacAddress = 0x01;

        /// <summary>HELLO: seconds the device will still wait for a claim (uint32).</summary>
        public const byte WaitSeconds = 0x02;

        /// <summary>CLAIM: the temporary claim certificate, PEM.</summary>
        public const byte CertificatePem = 0x10;

        /// <summary>CLAIM: its private key, PEM. Secret: held in RAM only and wiped after use.</summary>
        public const byte PrivateKeyPem = 0x11;

        /// <summary>CLAIM: the provisioning template the claim is bound to.</summary>
        public const byte TemplateName = 0x12;

        /// <summary>CLAIM: when the claim certificate expires, Unix seconds (int64).</summary>
        public const byte ExpiresUnixSeconds = 0x13;

        /// <summary>CLAIM (optional): HOST:PORT to connect to instead of the endpoint in the claim partition.</summary>
        public const byte Endpoint = 0x14;

        /// <summary>THING: the thing name the device now is.</summary>
        public const byte ThingName = 0x20;

        /// <summary>NACK, FAILED: one reason byte (<see cref="TransferReasons"/>).</summary>
        public const byte Reason = 0x30;

        /// <summary>NACK, FAILED, PROVISIONING: free text for the installer's screen (never a secret).</summary>
        public const byte Detail = 0x31;
    }
}
