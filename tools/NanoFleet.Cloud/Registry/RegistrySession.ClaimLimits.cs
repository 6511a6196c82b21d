using System;
using System.Linq;
using Microsoft.Data.Sqlite;
using NanoFleet.Cloud.Monitoring;

namespace NanoFleet.Cloud.Registry
{
    internal sealed partial class RegistrySession
    {
        public void PutClaimLimits(string certificateId, ClaimLimits limits) =>
            Execute(@"INSERT INTO claim_limits(certificate_id, max_registrations_per_minute, max_failures_per_minute, max_distinct_addresses, on_alarm)
VALUES($id,$r,$f,$a,$o) ON CONFLICT(certificate_id) DO UPDATE SET max_registrations_per_minute=$r, max_failures_per_minute=$f,
  max_distinct_addresses=$a, on_alarm=$o",
                ("$id", certificateId), ("$r", limits.MaxRegistrationsPerMinute), ("$f", limits.MaxFailuresPerMinute),
                ("$a", limits.MaxDistinctAddresses), ("$o", limits.OnAlarm.ToString()));

        public ClaimLimits? GetClaimLimits(string certificateId) =>
            Query("SELECT max_registrations_per_minute, max_failures_per_minute, max_distinct_addresses, on_alarm FROM claim_limits WHERE certificate_id=$id",
                ReadClaimLimits, ("$id", certificateId)).FirstOrDefault();

        private static ClaimLimits ReadClaimLimits(SqliteDataReader r) => new(
            r.IsDBNull(0) ? null : r.GetInt32(0), r.IsDBNull(1) ? null : r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt32(2),
            Enum.Parse<ClaimAlarmAction>(r.GetString(3)));
    }
}
