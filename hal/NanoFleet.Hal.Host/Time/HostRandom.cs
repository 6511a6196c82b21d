using System;

namespace NanoFleet.Hal.Host.Time
{
    /// <summary><see cref="IRandomSource"/> for backoff jitter; seedable so a test run can be replayed.</summary>
    public sealed class HostRandom : IRandomSource
    {
        private readonly Random _random;
        private readonly object _gate = new object();

        /// <summary>An unpredictable source, as the ESP32's hardware RNG is.</summary>
        public HostRandom()
        {
            _random = new Random();
        }

        /// <summary>A reproducible source.</summary>
        public HostRandom(int seed)
        {
            _random = new Random(seed);
        }

        /// <inheritdoc />
        /// <remarks>Returns 0 when <paramref name="maxExclusive"/> is 0 or negative, as there is no other answer.</remarks>
        public int Next(int maxExclusive)
        {
            if (maxExclusive <= 0)
            {
                return 0;
            }

            lock (_gate)
            {
                return _random.Next(maxExclusive);
            }
        }
    }
}
