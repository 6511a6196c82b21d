namespace NanoFleet.Hal
{
    /// <summary>Time for the core. Monotonic time drives timeouts; wall time only stamps records.</summary>
    public interface IClock
    {
        /// <summary>Milliseconds since an arbitrary start; never goes backwards.</summary>
        long MonotonicMilliseconds { get; }

        /// <summary>Wall-clock UTC time in Unix seconds (0 when the device has no time yet).</summary>
        long UtcUnixSeconds { get; }
    }
}
