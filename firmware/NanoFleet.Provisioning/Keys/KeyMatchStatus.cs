namespace NanoFleet.Provisioning.Keys
{
    /// <summary>Result of checking that a certificate carries the device's public key.</summary>
    public enum KeyMatchStatus
    {
        /// <summary>Unexpected failure.</summary>
        Error = 0,
        /// <summary>The certificate carries the key.</summary>
        Success,
        /// <summary>Both parsed, and the certificate carries another key.</summary>
        Mismatch,
        /// <summary>A PEM block is missing or not base64, or its DER is not the structure it names.</summary>
        Malformed,
        /// <summary>Well-formed, but the check cannot be made: an encrypted key, another algorithm, or an EC key without its public point.</summary>
        Unsupported,
        /// <summary>An argument was null or empty.</summary>
        BadParameter,
    }
}
