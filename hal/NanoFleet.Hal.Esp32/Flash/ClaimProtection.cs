namespace NanoFleet.Hal.Esp32
{
    /// <summary>How well the claim key is protected on this chip; numbers shared with nf_claim_verdict (native).</summary>
    public enum ClaimProtection
    {
        /// <summary>Encrypted claim partition, release-mode flash encryption.</summary>
        Protected = 0,
        /// <summary>Encrypted, but development-mode flash encryption still allows UART re-flashing.</summary>
        DevelopmentEncrypted = 1,
        /// <summary>Plaintext claim key, tolerated in a debug build or by the explicit build option.</summary>
        UnprotectedAllowed = 2,
        /// <summary>Plaintext claim key in a release build without the option: the firmware must stop.</summary>
        Refused = 3,
        /// <summary>The partition table has no claim partition.</summary>
        PartitionMissing = 4,
    }
}
