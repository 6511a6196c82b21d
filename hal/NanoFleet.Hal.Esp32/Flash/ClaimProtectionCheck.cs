namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// Applies the claim-key policy (decided and unit-tested in native/src/nanofleet_claim_protection.c)
    /// and says so in the log: quietly when protected, loudly when not.
    /// </summary>
    public static class ClaimProtectionCheck
    {
        /// <summary>Assesses the claim partition and logs the verdict.</summary>
        /// <param name="log">Where the verdict is reported.</param>
        /// <param name="label">The claim partition label (esp_secure_cert).</param>
        /// <param name="releaseBuild">True for a firmware built in Release.</param>
        /// <param name="allowUnencryptedClaim">The explicit NANOFLEET_ALLOW_UNENCRYPTED_CLAIM build option.</param>
        /// <returns>The verdict; the caller must not use the claim when it is <see cref="ClaimProtection.Refused"/>.</returns>
        public static ClaimProtection Run(ILogSink log, string label, bool releaseBuild, bool allowUnencryptedClaim)
        {
            var verdict = (ClaimProtection)NativeFlash.NativeAssessClaimProtection(label, releaseBuild, allowUnencryptedClaim);
            switch (verdict)
            {
                case ClaimProtection.Protected:
                    log.Log(LogLevel.Info, "ClaimProtected", "claim partition '" + label + "' is encrypted, flash encryption in release mode");
                    break;
                case ClaimProtection.DevelopmentEncrypted:
                    log.Log(LogLevel.Warning, "ClaimDevelopmentEncryption",
                        "claim partition '" + label + "' is encrypted, but flash encryption is in DEVELOPMENT mode: the board can still be re-flashed over UART");
                    break;
                case ClaimProtection.UnprotectedAllowed:
                    log.Log(LogLevel.Warning, "ClaimUnencrypted",
                        "!!! WARNING: the claim key in '" + label + "' is NOT encrypted and can be read with esptool read-flash. Development use only. !!!");
                    break;
                case ClaimProtection.Refused:
                    log.Log(LogLevel.Error, "ClaimUnencryptedRefused",
                        "release build refuses a plaintext claim key in '" + label + "': enable flash encryption and flag the partition 'encrypted', or build with NANOFLEET_ALLOW_UNENCRYPTED_CLAIM");
                    break;
                default:
                    verdict = ClaimProtection.PartitionMissing;
                    log.Log(LogLevel.Error, "ClaimPartitionMissing", "the partition table has no '" + label + "' partition");
                    break;
            }

            return verdict;
        }
    }
}
