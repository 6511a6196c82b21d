using System;
using System.Collections.Generic;
using System.Linq;
using NanoFleet.Station.Records;

namespace NanoFleet.Station.Dashboard.Snapshot
{
    /// <summary>Turns the device records into the shift's yield, failures by cause and throughput.</summary>
    public static class ShiftSummaryBuilder
    {
        /// <summary>Throughput bucket: a quarter hour shows a batch's pace without a jagged chart.</summary>
        public static readonly TimeSpan Bucket = TimeSpan.FromMinutes(15);

        /// <summary>Builds the summary of records started in the <paramref name="shift"/> before <paramref name="now"/>.</summary>
        public static ShiftSummary Build(IReadOnlyList<DeviceRecord> records, DateTimeOffset now, TimeSpan shift, long version)
        {
            ArgumentNullException.ThrowIfNull(records);
            DateTimeOffset start = now - shift;
            var inShift = records.Where(r => r.StartedUtc >= start).ToList();
            YieldReport all = YieldReport.From(inShift);
            var stations = inShift.GroupBy(r => r.Station)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => View(g.Key, YieldReport.From(g.ToList())))
                .ToList();
            // A device still in progress has no cause: it is not a failure.
            var failures = all.AttemptsFailedBy.Keys.Union(all.DevicesFailedBy.Keys).Where(c => c != FailureCause.None)
                .Select(c => new CauseView(RecordCsv.Name(c), all.DevicesFailedBy.GetValueOrDefault(c), all.AttemptsFailedBy.GetValueOrDefault(c)))
                .OrderByDescending(c => c.Devices).ThenByDescending(c => c.Attempts).ThenBy(c => c.Cause, StringComparer.Ordinal)
                .ToList();
            return new ShiftSummary(version, start, View("", all), stations, failures, Throughput(inShift, start, now));
        }

        private static YieldView View(string station, YieldReport report) =>
            new(station, report.Devices, report.Ok, report.Yield, report.Attempts);

        private static List<ThroughputPoint> Throughput(List<DeviceRecord> records, DateTimeOffset start, DateTimeOffset now)
        {
            long first = start.UtcTicks / Bucket.Ticks, last = now.UtcTicks / Bucket.Ticks;
            var counts = new int[last - first + 1];
            foreach (DeviceRecord r in records)
            {
                if (r.Result == DeviceResult.Ok && r.FinishedUtc is DateTimeOffset finished)
                {
                    long bucket = finished.UtcTicks / Bucket.Ticks - first;
                    if (bucket >= 0 && bucket < counts.Length)
                    {
                        counts[bucket]++;
                    }
                }
            }

            double perHour = TimeSpan.FromHours(1) / Bucket;
            return counts.Select((n, i) => new ThroughputPoint(new DateTimeOffset((first + i) * Bucket.Ticks, TimeSpan.Zero), n, n * perHour)).ToList();
        }
    }
}
