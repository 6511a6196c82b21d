using System;
using NanoFleet.Station.Records;

namespace NanoFleet.Station.Dashboard.Http
{
    /// <summary>
    /// One row of the page's device table. Chosen field by field from <see cref="DeviceRecord"/> rather
    /// than sending the record, so a field added to the record later is not published by accident.
    /// </summary>
    public sealed record DeviceRow(long Id, string Station, string Operator, string Port, DateTimeOffset StartedUtc,
        DateTimeOffset? FinishedUtc, string Mac, string Chip, string Serial, string Result, string Cause, string Error)
    {
        /// <summary>The row for a record.</summary>
        public static DeviceRow From(DeviceRecord r) => new(r.Id, r.Station, r.Operator, r.Port, r.StartedUtc, r.FinishedUtc,
            r.Mac, r.Chip, r.Serial, RecordCsv.Name(r.Result), RecordCsv.Name(r.Cause), r.Error);
    }
}
