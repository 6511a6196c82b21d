using System.Collections.Generic;
using System.Linq;

namespace NanoFleet.Station.Records
{
    /// <summary>Yield and failures by cause over the records, judged per device (by MAC, its last attempt).</summary>
    public sealed class YieldReport
    {
        private YieldReport(int attempts, int devices, int ok, IReadOnlyDictionary<FailureCause, int> failures,
            IReadOnlyDictionary<FailureCause, int> attemptFailures)
        {
            Attempts = attempts;
            Devices = devices;
            Ok = ok;
            DevicesFailedBy = failures;
            AttemptsFailedBy = attemptFailures;
        }

        /// <summary>Rows (attempts) in the store.</summary>
        public int Attempts { get; }

        /// <summary>Distinct devices (MACs) seen.</summary>
        public int Devices { get; }

        /// <summary>Devices whose last attempt succeeded.</summary>
        public int Ok { get; }

        /// <summary>Ok / Devices, 0 when empty.</summary>
        public double Yield => Devices == 0 ? 0 : (double)Ok / Devices;

        /// <summary>Devices whose last attempt failed, by cause.</summary>
        public IReadOnlyDictionary<FailureCause, int> DevicesFailedBy { get; }

        /// <summary>Every failed or refused attempt, by cause (retried devices included).</summary>
        public IReadOnlyDictionary<FailureCause, int> AttemptsFailedBy { get; }

        /// <summary>Computes the report.</summary>
        public static YieldReport From(IReadOnlyList<DeviceRecord> records)
        {
            var known = records.Where(r => r.Mac.Length > 0).ToList();
            var last = known.GroupBy(r => r.Mac)
                .Select(g => g.Where(r => r.Cause != FailureCause.AlreadyProvisioned).LastOrDefault() ?? g.Last())
                .ToList();
            var failures = last.Where(r => r.Result != DeviceResult.Ok)
                .GroupBy(r => r.Cause).ToDictionary(g => g.Key, g => g.Count());
            var attemptFailures = records.Where(r => r.Result is DeviceResult.Failed or DeviceResult.Refused)
                .GroupBy(r => r.Cause).ToDictionary(g => g.Key, g => g.Count());
            return new YieldReport(records.Count, last.Count, last.Count(r => r.Result == DeviceResult.Ok), failures, attemptFailures);
        }
    }
}
