using System;
using NanoGC = nanoFramework.Runtime.Native.GC;

namespace NanoFleet.CoreBenchmark
{
    /// <summary>
    /// Bytes an operation allocates on the nanoCLR heap, garbage included. The runtime offers one
    /// reading, <c>GC.Run(false)</c>: it collects and returns the free heap, so a before/after
    /// difference would only show what stays alive. But the nanoCLR collects only when an
    /// allocation finds no room (the POSIX host runs without periodic collections), so the meter
    /// counts how many runs fill the heap: collect and read the free heap F, then run the operation
    /// until the runtime has collected <see cref="Collections"/> times more, noticed by a weakly
    /// held canary going. Between the first and the last of those collections the runs allocated
    /// (Collections - 1) heaps' worth, so each allocated F × (Collections - 1) / runs.
    /// </summary>
    internal static class AllocationMeter
    {
        /// <summary>Heaps filled per reading: more is steadier (the error is about one run per reading) and slower.</summary>
        private const int Collections = 4;

        /// <summary>Below this an operation would take too many runs to fill the heap (or, allocating nothing, never would).</summary>
        private const int SmallestWeighable = 64;

        /// <summary>Collects and returns the free heap in bytes.</summary>
        public static long FreeHeap() => NanoGC.Run(false);

        /// <summary>Bytes one run of <paramref name="operation"/> allocates (object headers included).</summary>
        public static long BytesPerRun(IBenchOperation operation)
        {
            operation.Run(); // static state and scratch buffers first: they are not per-run costs
            long free = FreeHeap();
            WeakReference canary = NewCanary();
            int collections = 0;
            int runs = 0; // from the run after the first collection's to the last collection's, inclusive
            long sinceCollection = 0;
            while (collections < Collections)
            {
                operation.Run();
                if (collections > 0)
                {
                    runs++;
                }

                if (!canary.IsAlive)
                {
                    collections++;
                    sinceCollection = 0;
                    canary = NewCanary();
                }
                else if (++sinceCollection * SmallestWeighable > free)
                {
                    throw new InvalidOperationException("Failed to weigh an operation: it allocates less than " + SmallestWeighable.ToString() + " bytes a run.");
                }
            }

            // The first and last collection each fall inside a run, on average halfway, so the runs
            // counted span (Collections - 1) heaps.
            return free * (Collections - 1) / runs;
        }

        /// <summary>What the meter reads for a 1 KB byte array, to show its error: the array plus its header.</summary>
        public static long KilobyteArrayBytes() => BytesPerRun(new KilobyteArray());

        private static WeakReference NewCanary() => new WeakReference(new object());

        private sealed class KilobyteArray : IBenchOperation
        {
            private byte[] _last = new byte[0];

            public void Run() => _last = new byte[1024];
        }
    }
}
