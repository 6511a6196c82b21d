using System;

namespace NanoFleet.Station.Records
{
    /// <summary>
    /// Live state of one port, written by the runner at each step (upserted by Station+Port), so a
    /// dashboard in another process sees every port of every station. Holds no key material.
    /// </summary>
    /// <param name="Station">Station name.</param>
    /// <param name="Port">Serial port.</param>
    /// <param name="Chip">Chip name; empty until identified.</param>
    /// <param name="Mac">MAC; empty until identified.</param>
    /// <param name="Serial">Serial number; empty until allocated.</param>
    /// <param name="Step">Current step ("connect", "write factory", "done", "failed").</param>
    /// <param name="Done">Units of the step done.</param>
    /// <param name="Total">Units in the step (0 when not measurable).</param>
    /// <param name="LastError">The last one-line error on this port; empty when none.</param>
    /// <param name="UpdatedUtc">When the station wrote this.</param>
    public sealed record PortStatus(string Station, string Port, string Chip, string Mac, string Serial,
        string Step, long Done, long Total, string LastError, DateTimeOffset UpdatedUtc);
}
