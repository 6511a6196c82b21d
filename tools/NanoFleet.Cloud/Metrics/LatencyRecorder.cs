using System;

namespace NanoFleet.Cloud.Metrics
{
    /// <summary>The last 10,000 latencies of one API in a ring, for p50/p99/max on demand.</summary>
    internal sealed class LatencyRecorder
    {
        private const int Capacity = 10_000;
        private readonly double[] _ms = new double[Capacity];
        private long _count;

        public void Add(TimeSpan latency)
        {
            lock (_ms)
            {
                _ms[_count % Capacity] = latency.TotalMilliseconds;
                _count++;
            }
        }

        public (double P50, double P99, double Max) Percentiles()
        {
            double[] copy;
            lock (_ms)
            {
                copy = new double[Math.Min(_count, Capacity)];
                Array.Copy(_ms, copy, copy.Length);
            }

            if (copy.Length == 0)
            {
                return (0, 0, 0);
            }

            Array.Sort(copy);
            return (At(copy, 0.50), At(copy, 0.99), At(copy, 1.0));
        }

        /// <summary>The q-quantile, rounded to 0.01 ms. All three figures go through here: a p99 rounded up above an
        /// unrounded max would report p99 &gt; max.</summary>
        private static double At(double[] sorted, double q) => Math.Round(sorted[(int)Math.Ceiling(q * sorted.Length) - 1], 2);
    }
}
