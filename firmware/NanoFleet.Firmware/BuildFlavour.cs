namespace NanoFleet.Firmware
{
    /// <summary>
    /// What kind of build this firmware is, for the claim-key policy. The symbols come from
    /// NanoFleet.Firmware.nfproj: every configuration but Debug is a release build.
    /// </summary>
    internal static class BuildFlavour
    {
#if NANOFLEET_DEBUG_BUILD
        /// <summary>False: a Debug build tolerates a plaintext claim key (with a loud warning).</summary>
        internal const bool IsRelease = false;
#else
        /// <summary>True: a release build refuses a plaintext claim key.</summary>
        internal const bool IsRelease = true;
#endif

#if NANOFLEET_ALLOW_UNENCRYPTED_CLAIM
        /// <summary>Built with -p:NanoFleetAllowUnencryptedClaim=true: plaintext claim keys are tolerated even in release.</summary>
        internal const bool AllowUnencryptedClaim = true;
#else
        /// <summary>The default: no exception for plaintext claim keys in release builds.</summary>
        internal const bool AllowUnencryptedClaim = false;
#endif
    }
}
