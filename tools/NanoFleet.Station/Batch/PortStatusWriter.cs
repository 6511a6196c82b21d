using System;
using System.Diagnostics;
using NanoFleet.Station.Records;

namespace NanoFleet.Station.Batch
{
    /// <summary>
    /// Keeps one port's live row in the record store (for a dashboard in another process): what the port
    /// knows so far, written at each step change and at most every <see cref="MinInterval"/> within a step,
    /// so a flash of hundreds of blocks costs a handful of writes, not one per block.
    /// </summary>
    internal sealed class PortStatusWriter
    {
        /// <summary>Least time between two writes within one step.</summary>
        public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);

        private readonly IRecordStore _store;
        private readonly string _station;
        private readonly string _port;
        private readonly Stopwatch _sinceWrite = new();
        private string _step = "";
        private string _chip = "", _mac = "", _serial = "";

        public PortStatusWriter(IRecordStore store, string station, string port)
        {
            _store = store;
            _station = station;
            _port = port;
        }

        /// <summary>The chip answered: its name and MAC show from now on.</summary>
        public void Identified(string chip, string mac)
        {
            _chip = chip;
            _mac = mac;
        }

        /// <summary>The device got its serial.</summary>
        public void Allocated(string serial) => _serial = serial;

        /// <summary>Progress within a step; written when the step changed, the step ended, or enough time passed.</summary>
        public void Step(string step, long done, long total)
        {
            bool due = step != _step || (total > 0 && done >= total) || _sinceWrite.Elapsed >= MinInterval;
            if (due)
            {
                Write(step, done, total, "");
            }
        }

        /// <summary>The device failed with <paramref name="error"/>; always written.</summary>
        public void Failed(string error) => Write("failed", 0, 0, error);

        private void Write(string step, long done, long total, string error)
        {
            _step = step;
            _store.ReportPort(new PortStatus(_station, _port, _chip, _mac, _serial, step, done, total, error, DateTimeOffset.UtcNow));
            _sinceWrite.Restart();
        }
    }
}
