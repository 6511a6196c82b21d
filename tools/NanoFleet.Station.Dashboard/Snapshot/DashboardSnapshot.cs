using System;
using System.Collections.Generic;

namespace NanoFleet.Station.Dashboard.Snapshot
{
    /// <summary>
    /// What the page shows at one instant, as sent to it (JSON, camelCase). Built only from the record
    /// store's device records and live port status, which hold no key material.
    /// </summary>
    /// <param name="GeneratedUtc">When it was built.</param>
    /// <param name="Ports">Every port of every station, live.</param>
    /// <param name="Summary">The shift's counts; rebuilt only when the records changed.</param>
    /// <param name="StoreError">Empty while the store answers; else why the last poll failed (what is shown is from before).</param>
    public sealed record DashboardSnapshot(DateTimeOffset GeneratedUtc, IReadOnlyList<PortView> Ports, ShiftSummary Summary, string StoreError);

    /// <summary>One port now.</summary>
    public sealed record PortView(string Station, string Port, string Chip, string Mac, string Serial, string Step,
        long Done, long Total, string LastError, DateTimeOffset UpdatedUtc);

    /// <summary>The shift's yield, failures and throughput.</summary>
    /// <param name="Version">Grows each time the summary is rebuilt with new counts; the page redraws its chart only then.</param>
    /// <param name="ShiftStartUtc">Devices started since then count.</param>
    /// <param name="Shift">Yield over all stations.</param>
    /// <param name="Stations">Yield per station, by name.</param>
    /// <param name="Failures">Failures by cause, most devices first.</param>
    /// <param name="Throughput">Devices per hour over the shift, in fixed buckets, oldest first.</param>
    public sealed record ShiftSummary(long Version, DateTimeOffset ShiftStartUtc, YieldView Shift, IReadOnlyList<YieldView> Stations,
        IReadOnlyList<CauseView> Failures, IReadOnlyList<ThroughputPoint> Throughput);

    /// <summary>Yield over a set of records (per device, its last attempt; see <see cref="Records.YieldReport"/>).</summary>
    public sealed record YieldView(string Station, int Devices, int Ok, double Yield, int Attempts);

    /// <summary>Failures of one cause: devices whose last attempt failed so, and attempts that did.</summary>
    public sealed record CauseView(string Cause, int Devices, int Attempts);

    /// <summary>Ok devices finished in [StartUtc, StartUtc + bucket), and that count as a rate per hour.</summary>
    public sealed record ThroughputPoint(DateTimeOffset StartUtc, int Devices, double PerHour);
}
