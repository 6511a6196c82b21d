namespace NanoFleet.Hal
{
    /// <summary>Result of a HAL call that can fail on input or on the device.</summary>
    /// <remarks>Status results rather than exceptions, so the runner can turn every outcome into a
    /// core event without try/catch on the nanoCLR's slow exception path.</remarks>
    public enum HalStatus
    {
        /// <summary>An unexpected failure inside the HAL.</summary>
        Error = 0,
        /// <summary>The call did what it was asked.</summary>
        Success,
        /// <summary>An argument was null or out of range.</summary>
        BadParameter,
        /// <summary>Offset or length outside the region.</summary>
        OutOfBounds,
        /// <summary>An erase that is not sector-aligned.</summary>
        Misaligned,
        /// <summary>A program that would need to turn a 0 bit back into 1 (NOR rule).</summary>
        NotErased,
        /// <summary>Read-back after a write did not match what was written.</summary>
        VerifyFailed,
        /// <summary>The named partition or resource does not exist.</summary>
        NotFound,
        /// <summary>The operation was cut (power loss injected by a test HAL).</summary>
        PowerLost,
    }
}
