using System;

namespace NanoFleet.Hal.Host.Tests.Support
{
    /// <summary>A time provider that moves only when told, for clock-dependent assertions.</summary>
    public sealed class SteppedTimeProvider : TimeProvider
    {
        private DateTimeOffset _now;
        private long _ticks;

        public SteppedTimeProvider(DateTimeOffset start)
        {
            _now = start;
        }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow() => _now;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by)
        {
            _now += by;
            _ticks += by.Ticks;
        }

        /// <summary>Moves the wall clock only, as an NTP correction would.</summary>
        public void SetWallClock(DateTimeOffset now) => _now = now;
    }
}
