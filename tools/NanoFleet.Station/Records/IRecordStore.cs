using System;
using System.Collections.Generic;

namespace NanoFleet.Station.Records
{
    /// <summary>
    /// Where stations record every device they handle: SQLite for one station (the default), PostgreSQL
    /// for many stations sharing one floor. Both give the same guarantees: a serial is allocated and its
    /// in-progress row inserted in one transaction (never read-then-write), a MAC provisioned by any
    /// station is visible to all, and only a dead station's unfinished rows are marked interrupted.
    /// An instance is one connection: open one per thread.
    /// </summary>
    public interface IRecordStore : IDisposable
    {
        /// <summary>Where the store is: "sqlite:/path" or "postgresql://host:port/db" (never a password).</summary>
        string Describe();

        /// <summary>
        /// Marks the in-progress rows of stations that are no longer alive (their lease lapsed or they
        /// never held one) as failed, cause Interrupted. A live station's rows are left alone; serials stay allocated.
        /// </summary>
        /// <returns>Rows marked.</returns>
        int MarkInterrupted();

        /// <summary>
        /// Starts a station's run and its lease. A station name runs one process at a time, so an earlier
        /// run of the same station is ended here (it was killed); another station's run counts as dead
        /// only once its heartbeat is older than its lease.
        /// </summary>
        /// <returns>The run id, for <see cref="DeviceRecord.RunId"/>, <see cref="Heartbeat"/> and <see cref="EndRun"/>.</returns>
        long StartRun(string station, TimeSpan lease);

        /// <summary>Renews a run's lease.</summary>
        void Heartbeat(long runId);

        /// <summary>Ends a run that finished every device it started.</summary>
        void EndRun(long runId);

        /// <summary>Whether any station already provisioned the device with <paramref name="mac"/> successfully.</summary>
        bool IsProvisioned(string mac);

        /// <summary>
        /// Starts a device: in one transaction, finds the serial already bound to this MAC (a reflash or a
        /// resumed device keeps its serial) or allocates the next one, and inserts the in-progress row.
        /// </summary>
        /// <returns>The new row's id and the serial.</returns>
        (long Id, string Serial) Begin(DeviceRecord start, string serialPrefix, int digits = 6);

        /// <summary>Inserts a finished row (a refusal or a failure before any serial was allocated).</summary>
        /// <returns>The row id.</returns>
        long Insert(DeviceRecord record);

        /// <summary>Finishes a device row with its result.</summary>
        void Finish(long id, DeviceResult result, FailureCause cause, string error, string claimCertSha256, string imageSha256s);

        /// <summary>Every row, oldest first; only <paramref name="station"/>'s when given.</summary>
        IReadOnlyList<DeviceRecord> All(string? station = null);

        /// <summary>The newest <paramref name="count"/> rows, newest first, optionally filtered by station and result.</summary>
        IReadOnlyList<DeviceRecord> Latest(int count, string? station = null, DeviceResult? result = null);

        /// <summary>Every serial ever allocated, with its MAC.</summary>
        IReadOnlyDictionary<string, string> AllocatedSerials();

        /// <summary>Upserts the live state of one port (by Station+Port).</summary>
        void ReportPort(PortStatus status);

        /// <summary>The live state of every port of every station, by station then port.</summary>
        IReadOnlyList<PortStatus> LivePorts();
    }
}
