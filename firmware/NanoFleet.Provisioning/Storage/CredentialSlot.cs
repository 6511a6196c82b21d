namespace NanoFleet.Provisioning.Storage
{
    /// <summary>
    /// One A/B slot of the device-credential partition, and its 32-byte header at the slot start:
    /// <code>
    ///  0 u32 magic "NFCR" (0x5243464E)   12 u32 body length        24 u32 reserved (FF)
    ///  4 u16 format version (1)          16 u32 body CRC            28 u32 bad marker: FFFFFFFF = good,
    ///  6 u16 header size (32)            20 u32 header CRC of 0..19        anything else = marked bad
    ///  8 u32 sequence
    /// </code>
    /// The body follows the header. A save erases the slot, programs the body, then programs header
    /// bytes 0..23 last: until that final write lands, the header CRC does not match and the slot is
    /// ignored. Marking bad programs the marker word to 0; any cleared bit counts, so a cut mid-write
    /// still reads as bad. CRCs are <see cref="EspCrc32"/>.
    /// </summary>
    internal sealed class CredentialSlot
    {
        public const uint Magic = 0x5243464E;
        public const ushort Version = 1;
        public const int HeaderSize = 32;
        public const int CommitLength = 24;
        public const int MarkerOffset = 28;

        public CredentialSlot(int index, int offset, int size)
        {
            Index = index;
            Offset = offset;
            Size = size;
        }

        /// <summary>0 for A, 1 for B.</summary>
        public int Index { get; }

        /// <summary>Slot start within the partition.</summary>
        public int Offset { get; }

        /// <summary>Slot size (whole sectors).</summary>
        public int Size { get; }

        /// <summary>"A" or "B", as logs name the slot.</summary>
        public string Name => Index == 0 ? "A" : "B";

        /// <summary>Largest body that fits.</summary>
        public int Capacity => Size - HeaderSize;

        /// <summary>Fills bytes 0..23 of a header for a new record.</summary>
        public static byte[] BuildHeader(uint sequence, byte[] body)
        {
            var header = new byte[CommitLength];
            LittleEndian.WriteUInt32(header, 0, Magic);
            LittleEndian.WriteUInt16(header, 4, Version);
            LittleEndian.WriteUInt16(header, 6, HeaderSize);
            LittleEndian.WriteUInt32(header, 8, sequence);
            LittleEndian.WriteUInt32(header, 12, (uint)body.Length);
            LittleEndian.WriteUInt32(header, 16, EspCrc32.Compute(body, 0, body.Length));
            LittleEndian.WriteUInt32(header, 20, EspCrc32.Compute(header, 0, 20));
            return header;
        }
    }
}
