using System;
using System.Diagnostics;
using System.Threading;

namespace NanoFleet.Cloud.Internal.Network
{
    /// <summary>What happened to connections that never became MQTT sessions.</summary>
    internal enum NetworkEvent
    {
        Refused,
        Evicted,
        TimedOutOrEvicted,
        HandshakeFailed,
        PacketTooLarge,
        Dropped,
        AcceptFailed,
    }

    /// <summary>
    /// Counts <see cref="NetworkEvent"/>s and logs them as one summary line at most once a second: a flood of
    /// thousands of sockets must not become thousands of log lines (the log would be the next thing to exhaust).
    /// </summary>
    internal sealed class NetworkReport
    {
        private static readonly long Interval = Stopwatch.Frequency;
        private readonly EmulatorLog _log;
        private readonly ConnectionGate _gate;
        private readonly long[] _counts = new long[Enum.GetValues<NetworkEvent>().Length];
        private long _lastReport = Stopwatch.GetTimestamp() - Interval;

        public NetworkReport(EmulatorLog log, ConnectionGate gate)
        {
            _log = log;
            _gate = gate;
        }

        public void Count(NetworkEvent what)
        {
            Interlocked.Increment(ref _counts[(int)what]);
            long now = Stopwatch.GetTimestamp();
            long last = Interlocked.Read(ref _lastReport);
            if (now - last < Interval || Interlocked.CompareExchange(ref _lastReport, now, last) != last)
            {
                return;
            }

            var parts = new System.Collections.Generic.List<string>();
            for (int i = 0; i < _counts.Length; i++)
            {
                long n = Interlocked.Exchange(ref _counts[i], 0);
                if (n > 0)
                {
                    parts.Add($"{n} {Describe((NetworkEvent)i)}");
                }
            }

            _log.Warn("network", null, null, $"{string.Join(", ", parts)} (open {_gate.Open}, pending {_gate.PendingCount})");
        }

        private static string Describe(NetworkEvent what) => what switch
        {
            NetworkEvent.Refused => "refused at the connection caps",
            NetworkEvent.Evicted => "pending evicted to make room",
            NetworkEvent.TimedOutOrEvicted => "closed unfinished (TLS/CONNECT deadline or eviction)",
            NetworkEvent.HandshakeFailed => "failed TLS (no valid client certificate)",
            NetworkEvent.PacketTooLarge => "closed for a packet over the size limit",
            NetworkEvent.AcceptFailed => "accept errors",
            _ => "dropped during TLS",
        };
    }
}
