using System;

namespace NanoFleet.Hal.Host.Time
{
    /// <summary>
    /// <see cref="IClock"/> over a <see cref="TimeProvider"/>: the system clock normally, a test's or
    /// the emulator's provider when a run must agree with it on what time it is.
    /// </summary>
    public sealed class HostClock : IClock
    {
        private readonly TimeProvider _time;
        private readonly long _start;

        /// <summary>A clock on the system time.</summary>
        public HostClock()
            : this(TimeProvider.System)
        {
        }

        /// <summary>A clock on <paramref name="time"/>; monotonic time starts at 0 now.</summary>
        public HostClock(TimeProvider time)
        {
            _time = time ?? throw new ArgumentNullException(nameof(time));
            _start = time.GetTimestamp();
        }

        /// <inheritdoc />
        public long MonotonicMilliseconds => (long)_time.GetElapsedTime(_start).TotalMilliseconds;

        /// <inheritdoc />
        public long UtcUnixSeconds => _time.GetUtcNow().ToUnixTimeSeconds();
    }
}
