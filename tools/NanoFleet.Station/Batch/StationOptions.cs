using System;
using System.Collections.Generic;
using NanoFleet.Station.Partitions;

namespace NanoFleet.Station.Batch
{
    /// <summary>What a station run needs; built by `nanofleet station run` or a test.</summary>
    public sealed class StationOptions
    {
        /// <summary>Serial ports, one device each.</summary>
        public IReadOnlyList<string> Ports { get; init; } = Array.Empty<string>();

        /// <summary>The claim material (fleet provisioning); null with <see cref="JitpCa"/>.</summary>
        public ClaimDirectory? Claim { get; init; }

        /// <summary>The factory CA (just-in-time provisioning): each device gets its own certificate and no claim; null with <see cref="Claim"/>.</summary>
        public JitpCaDirectory? JitpCa { get; init; }

        /// <summary>Fleet-provisioning template name (with <see cref="Claim"/> only).</summary>
        public string Template { get; init; } = "";

        /// <summary>Serial number prefix, e.g. "NF-".</summary>
        public required string SerialPrefix { get; init; }

        /// <summary>The layout (partitions.csv); its table binary is written too.</summary>
        public required PartitionTable Layout { get; init; }

        /// <summary>App images by partition label or offset, with a source name: (where, bytes, source).</summary>
        public IReadOnlyList<(string Where, byte[] Image, string Source)> Firmware { get; init; } =
            Array.Empty<(string, byte[], string)>();

        /// <summary>A second-stage bootloader to write at the chip's bootloader offset, with a source name; null writes none.</summary>
        public (byte[] Image, string Source)? Bootloader { get; init; }

        /// <summary>The record store: a SQLite file path or a PostgreSQL connection string (see <see cref="Records.RecordStores.Open"/>).</summary>
        public string Database { get; init; } = "station.db";

        /// <summary>An owner-only file holding the PostgreSQL password; null to use PGPASSWORD or a passfile.</summary>
        public string? DatabasePasswordFile { get; init; }

        /// <summary>
        /// How long this run counts as alive without a heartbeat (renewed every quarter of it). Another
        /// station marks this run's unfinished devices interrupted only after it lapses.
        /// </summary>
        public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

        /// <summary>Station name in the records.</summary>
        public string StationName { get; init; } = Environment.MachineName;

        /// <summary>Operator name in the records.</summary>
        public string Operator { get; init; } = Environment.UserName;

        /// <summary>Flash devices any station already provisioned again (same serial).</summary>
        public bool Reflash { get; init; }

        /// <summary>Baud rate for writing (the ROM starts at 115200).</summary>
        public int Baud { get; init; } = 921600;

        /// <summary>Use compressed writes.</summary>
        public bool Compress { get; init; } = true;

        /// <summary>Overrides the per-block reply timeout (esptool's otherwise).</summary>
        public TimeSpan? BlockTimeout { get; init; }

        /// <summary>Connect attempts per device.</summary>
        public int ConnectAttempts { get; init; } = Operations.Connector.DefaultAttempts;
    }
}
