using System;

namespace NanoFleet.Station.Partitions
{
    /// <summary>The flags word of a partition entry (gen_esp32part.py <c>FLAGS</c>).</summary>
    [Flags]
    public enum PartitionFlags : uint
    {
        /// <summary>No flag.</summary>
        None = 0,

        /// <summary>Bit 0: the partition is encrypted when flash encryption is on.</summary>
        Encrypted = 1u << 0,

        /// <summary>Bit 1: read-only (IDF 5.2+; data partitions other than ota and coredump).</summary>
        ReadOnly = 1u << 1,
    }
}
