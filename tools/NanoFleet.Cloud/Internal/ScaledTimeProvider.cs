using System;
using System.Diagnostics;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>A clock that runs <c>scale</c> times faster than its base from the moment it is made
    /// (`--time-scale 60` turns the 1 h token lifetime into one real minute).</summary>
    internal sealed class ScaledTimeProvider : TimeProvider
    {
        private readonly DateTimeOffset _origin;
        private readonly long _startTicks = Stopwatch.GetTimestamp();
        private readonly double _scale;

        public ScaledTimeProvider(TimeProvider baseProvider, double scale)
        {
            _origin = baseProvider.GetUtcNow();
            _scale = scale;
        }

        public override DateTimeOffset GetUtcNow() =>
            _origin + TimeSpan.FromTicks((long)(Stopwatch.GetElapsedTime(_startTicks).Ticks * _scale));
    }
}
