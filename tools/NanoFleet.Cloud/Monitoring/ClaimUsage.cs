using System;
using System.Collections.Generic;

namespace NanoFleet.Cloud.Monitoring
{
    /// <summary>One alarm: which threshold a claim crossed, with what value, and what was done.</summary>
    /// <param name="At">When, on the emulator's clock.</param>
    /// <param name="Threshold">`max-registrations-per-minute`, `max-failures-per-minute` or `max-distinct-addresses`.</param>
    /// <param name="Value">The count that crossed it.</param>
    /// <param name="Limit">The threshold.</param>
    /// <param name="Action">What was done.</param>
    public sealed record ClaimAlarm(DateTimeOffset At, string Threshold, long Value, int Limit, ClaimAlarmAction Action);

    /// <summary>
    /// A claim's usage since the emulator started (counters live in memory, like the metrics), with its thresholds and alarms.
    /// Served by `nanofleet cloud metrics` and on the control plane at `GET /nanofleet/claims/{certificateId}/usage`.
    /// </summary>
    /// <param name="CertificateId">The claim.</param>
    /// <param name="TemplateName">Its template.</param>
    /// <param name="Status">Its certificate's status.</param>
    /// <param name="Limits">Its thresholds.</param>
    /// <param name="Registrations">Successful RegisterThing calls.</param>
    /// <param name="Failures">Rejected provisioning requests.</param>
    /// <param name="HookDenials">RegisterThing calls the pre-provisioning hook denied.</param>
    /// <param name="DistinctSerials">Distinct SerialNumber parameters sent to RegisterThing.</param>
    /// <param name="RegistrationsLastMinute">Successful RegisterThing calls in the last minute.</param>
    /// <param name="FailuresLastMinute">Rejected requests in the last minute.</param>
    /// <param name="RequestsBySourceAddress">Provisioning requests per source IP address.</param>
    /// <param name="Alarms">The latest alarms, oldest first.</param>
    public sealed record ClaimUsage(
        string CertificateId, string TemplateName, CertificateStatus Status, ClaimLimits Limits,
        long Registrations, long Failures, long HookDenials, long DistinctSerials, long RegistrationsLastMinute, long FailuresLastMinute,
        IReadOnlyDictionary<string, long> RequestsBySourceAddress, IReadOnlyList<ClaimAlarm> Alarms);
}
