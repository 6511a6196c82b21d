using NanoFleet.Hal;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// Delays between retries: exponential backoff with full jitter ("Exponential Backoff And Jitter",
    /// AWS Architecture Blog), so a fleet that lost its broker at the same instant does not come back
    /// in lock-step. Stateless: the machine owns the attempt counter.
    /// </summary>
    public static class Backoff
    {
        /// <summary>The ceiling for retry <paramref name="attempt"/>: base·2^(attempt-1), at most cap.</summary>
        /// <param name="attempt">1 for the first retry.</param>
        /// <param name="baseMilliseconds">Ceiling of the first retry.</param>
        /// <param name="capMilliseconds">Largest ceiling.</param>
        /// <returns>The ceiling in milliseconds.</returns>
        public static int Ceiling(int attempt, int baseMilliseconds, int capMilliseconds)
        {
            long ceiling = baseMilliseconds;
            for (int i = 1; i < attempt && ceiling < capMilliseconds; i++)
            {
                ceiling *= 2;
            }

            return ceiling > capMilliseconds ? capMilliseconds : (int)ceiling;
        }

        /// <summary>A full-jitter delay for retry <paramref name="attempt"/>: uniform in [0, <see cref="Ceiling"/>].</summary>
        /// <returns>The delay in milliseconds.</returns>
        public static int FullJitter(int attempt, int baseMilliseconds, int capMilliseconds, IRandomSource random)
        {
            int ceiling = Ceiling(attempt, baseMilliseconds, capMilliseconds);
            return ceiling == int.MaxValue ? random.Next(ceiling) : random.Next(ceiling + 1);
        }

        /// <summary>The long delay after a permanent failure: uniform in [limit/2, limit], so a fleet spreads out but never hammers.</summary>
        /// <returns>The delay in milliseconds.</returns>
        public static int Long(int limitMilliseconds, IRandomSource random)
        {
            int half = limitMilliseconds / 2;
            return half + random.Next(limitMilliseconds - half + 1);
        }
    }
}
