using System;

namespace NanoFleet.CoreBenchmark
{
    /// <summary>
    /// Wall time per operation on the nanoCLR, from <see cref="DateTime.UtcNow"/> (mscorlib has no
    /// Stopwatch). The machine may be shared, and another process only ever adds time, so the
    /// operation is timed in several rounds of many runs and the fastest round counts. Collections the
    /// operation's garbage causes fall inside the rounds.
    /// </summary>
    internal static class OperationTimer
    {
        private const int Rounds = 60;

        /// <summary>Microseconds per run of <paramref name="operation"/> in its fastest round of <paramref name="runsPerRound"/>, after one untimed round.</summary>
        public static long MicrosecondsPerRun(IBenchOperation operation, int runsPerRound)
        {
            long fastest = long.MaxValue;
            for (int round = 0; round <= Rounds; round++)
            {
                long start = DateTime.UtcNow.Ticks;
                for (int i = 0; i < runsPerRound; i++)
                {
                    operation.Run();
                }

                long ticks = DateTime.UtcNow.Ticks - start;
                if (round > 0 && ticks < fastest)
                {
                    fastest = ticks; // round 0 warms up
                }
            }

            return fastest / 10 / runsPerRound; // a tick is 100 ns
        }
    }
}
