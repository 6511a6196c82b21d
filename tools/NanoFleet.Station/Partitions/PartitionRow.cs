namespace NanoFleet.Station.Partitions
{
    /// <summary>One row of a partition table, with offsets and sizes resolved.</summary>
    public sealed class PartitionRow
    {
        /// <summary>Creates a row.</summary>
        public PartitionRow(string name, byte type, byte subType, uint offset, uint size, PartitionFlags flags)
        {
            Name = name;
            Type = type;
            SubType = subType;
            Offset = offset;
            Size = size;
            Flags = flags;
        }

        /// <summary>The label (at most 15 UTF-8 bytes, so the 16-byte field keeps its NUL).</summary>
        public string Name { get; }

        /// <summary>Partition type: 0 app, 1 data, 2 bootloader, 3 partition_table, or a custom value such as 0x3F.</summary>
        public byte Type { get; }

        /// <summary>Partition subtype.</summary>
        public byte SubType { get; }

        /// <summary>Absolute flash offset.</summary>
        public uint Offset { get; }

        /// <summary>Size in bytes.</summary>
        public uint Size { get; }

        /// <summary>Flags (known bits, plus any unknown bits read from a binary table, kept so it round-trips).</summary>
        public PartitionFlags Flags { get; }

        /// <summary>True when flagged <c>encrypted</c>.</summary>
        public bool IsEncrypted => (Flags & PartitionFlags.Encrypted) != 0;

        /// <summary>True when flagged <c>readonly</c>.</summary>
        public bool IsReadOnly => (Flags & PartitionFlags.ReadOnly) != 0;

        /// <summary>Where the row came from, for messages: CSV line (or binary entry number) and field columns.</summary>
        internal RowSource Source { get; init; } = RowSource.None;

        /// <inheritdoc />
        public override string ToString() => PartitionCsvWriter.FormatRow(this);
    }

    /// <summary>The source position of a row: line and the 1-based column of each of its six fields.</summary>
    internal sealed record RowSource(int Line, int[] Columns)
    {
        /// <summary>No position (a row built in code).</summary>
        public static readonly RowSource None = new(0, new int[6]);

        /// <summary>Column of field <paramref name="field"/> (0 name … 5 flags).</summary>
        public int Column(int field) => field < Columns.Length ? Columns[field] : 0;
    }
}
