using System;

namespace NanoFleet.CoreBenchmark
{
    /// <summary>
    /// Wall time per operation on the nanoCLR, from <see cref="DateTime.UtcNow"/> (mscorlib has no
    /// Stopwatch). The machine may be shared, and another process only ever adds time, so the
    /// operation is timed in many short rounds (about a millisecond) and the fastest round counts:
    /// the shorter the round, the likelier one ran undisturbed. The fastest round seldom holds a
    /// garbage collection either, so the time is the operation's own work; what its garbage costs
    /// shows in <see cref="AllocationMeter"/>'s bytes.
    /// </summary>
    internal static class OperationTimer
    {
        private const int Rounds = 200;

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
