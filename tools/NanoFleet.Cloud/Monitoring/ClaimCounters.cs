using System;
using System.Collections.Generic;

namespace NanoFleet.Cloud.Monitoring
{
    /// <summary>
    /// One claim's counters. Callers hold the instance's lock: requests of one claim arrive on many connections at once.
    /// The per-minute figures are sliding windows of event times on the emulator's clock.
    /// </summary>
    internal sealed class ClaimCounters
    {
        /// <summary>Alarms kept per claim: enough to see what happened, bounded under a flood.</summary>
        private const int AlarmsKept = 20;

        /// <summary>Distinct serials remembered per claim; past it the count stops growing rather than memory.</summary>
        private const int SerialsKept = 100_000;

        private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
        private readonly Queue<DateTimeOffset> _recentRegistrations = new();
        private readonly Queue<DateTimeOffset> _recentFailures = new();
        private readonly HashSet<string> _serials = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _byAddress = new(StringComparer.Ordinal);
        private readonly List<ClaimAlarm> _alarms = new();

        public long Registrations { get; private set; }

        public long Failures { get; private set; }

        public long HookDenials { get; private set; }

        /// <summary>Counts a registration; returns how many fell in the last minute.</summary>
        public int AddRegistration(DateTimeOffset now)
        {
            Registrations++;
            return Add(_recentRegistrations, now);
        }

        /// <summary>Counts a failure; returns how many fell in the last minute.</summary>
        public int AddFailure(DateTimeOffset now)
        {
            Failures++;
            return Add(_recentFailures, now);
        }

        public void AddHookDenial() => HookDenials++;

        public void AddSerial(string serial)
        {
            if (_serials.Count < SerialsKept)
            {
                _serials.Add(serial);
            }
        }

        /// <summary>Counts a request from <paramref name="address"/>; returns true when the address is new.</summary>
        public bool AddRequest(string address)
        {
            bool known = _byAddress.TryGetValue(address, out long count);
            _byAddress[address] = count + 1;
            return !known;
        }

        public int DistinctAddresses => _byAddress.Count;

        public void AddAlarm(ClaimAlarm alarm)
        {
            if (_alarms.Count == AlarmsKept)
            {
                _alarms.RemoveAt(0);
            }

            _alarms.Add(alarm);
        }

        /// <summary>Forgets the per-minute windows: a claim an operator turns back on starts afresh.</summary>
        public void ClearWindows()
        {
            _recentRegistrations.Clear();
            _recentFailures.Clear();
        }

        public ClaimUsage Snapshot(ClaimInfo claim, ClaimLimits limits, DateTimeOffset now) => new(
            claim.CertificateId, claim.TemplateName, claim.Status, limits, Registrations, Failures, HookDenials, _serials.Count,
            Expire(_recentRegistrations, now), Expire(_recentFailures, now), new Dictionary<string, long>(_byAddress), _alarms.ToArray());

        private static int Add(Queue<DateTimeOffset> recent, DateTimeOffset now)
        {
            recent.Enqueue(now);
            return Expire(recent, now);
        }

        private static int Expire(Queue<DateTimeOffset> recent, DateTimeOffset now)
        {
            while (recent.Count > 0 && recent.Peek() <= now - Window)
            {
                recent.Dequeue();
            }

            return recent.Count;
        }
    }
}
