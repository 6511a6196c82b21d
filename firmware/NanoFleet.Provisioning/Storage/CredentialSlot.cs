namespace NanoFleet.Provisioning.Storage
{
    /// <summary>
    /// One A/B slot of the device-credential partition. <c>nf_creds</c> is flagged <c>encrypted</c>, and
    /// ESP-IDF writes an encrypted partition only in whole AES blocks at block-aligned offsets onto
    /// erased flash (the ciphertext of a block cannot be patched). The store therefore writes the slot
    /// only in whole <see cref="BlockSize"/>-byte blocks, each exactly once after the slot's erase:
    /// <code>
    ///  slot offset  0  block 0: header, the commit (written last)
    ///              32  block 1: bad marker A  (erased = good)
    ///              64  block 2: bad marker B  (used when a cut left marker A half-written)
    ///              96  body, padded with 0x00 to a whole number of blocks
    ///
    ///  header:  0 u32 magic "NFCR" (0x5243464E)   12 u32 body length (unpadded)   20 u32 reserved (0)
    ///           4 u16 format version (2)          16 u32 body CRC (unpadded)      24 u32 reserved (0)
    ///           6 u16 block size (32)                                             28 u32 header CRC of 0..27
    ///           8 u32 sequence
    ///  marker:  0 u32 magic "NFBD" (0x44424E46)  4 u32 sequence revoked  8..27 zero  28 u32 CRC of 0..27
    /// </code>
    /// A save erases the slot (skipping a later sector only when it is provably still blank, see
    /// <c>DeviceCredentialStore</c>), programs the padded body, then the header block last: until that
    /// block lands the header CRC does not match and the slot is ignored. Marking bad programs a marker
    /// block; a record is bad when either marker block holds a valid marker for its sequence. Markers
    /// are recognised by content, not by "any bit cleared", because on an encrypted partition an
    /// erased block does not read back as 0xFF but as the decryption of 0xFF (pseudo-random bytes).
    /// For the same reason padding is 0x00: a written block never reads back as all 0xFF.
    /// CRCs are <see cref="EspCrc32"/>.
    /// </summary>
    internal sealed class CredentialSlot
    {
        public const uint Magic = 0x5243464E;
        public const uint MarkerMagic = 0x44424E46;
        public const ushort Version = 2;

        /// <summary>
        /// The write unit. esp_flash_write_encrypted documents 16-byte alignment, but the original ESP32
        /// encrypts flash in 32-byte blocks (AES-256 with an address tweak per 32 bytes; its ROM
        /// esp_rom_spiflash_write_encrypted takes 32-byte-aligned address and length only): a 16-byte
        /// write there programs the whole 32-byte block, so the other half could not be written later.
        /// 32 satisfies both the ESP32 and the 16-byte XTS-AES chips (S2/S3/C3/C6).
        /// </summary>
        public const int BlockSize = 32;

        public const int HeaderOffset = 0;
        public const int MarkerCount = 2;
        public const int MarkerOffset = BlockSize;
        public const int BodyOffset = BlockSize * (1 + MarkerCount);

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

        /// <summary>Largest body that fits (a whole number of blocks).</summary>
        public int Capacity => (Size - BodyOffset) / BlockSize * BlockSize;

        /// <summary><paramref name="length"/> rounded up to whole blocks.</summary>
        public static int Padded(int length) => (length + BlockSize - 1) / BlockSize * BlockSize;

        /// <summary>The body padded with 0x00 to whole blocks (the array itself when already whole).</summary>
        public static byte[] Pad(byte[] body)
        {
            int padded = Padded(body.Length);
            if (padded == body.Length) return body;
            var block = new byte[padded];
            System.Array.Copy(body, 0, block, 0, body.Length);
            return block;
        }

        /// <summary>The header block of a new record.</summary>
        public static byte[] BuildHeader(uint sequence, byte[] body, int bodyLength)
        {
            var header = new byte[BlockSize];
            LittleEndian.WriteUInt32(header, 0, Magic);
            LittleEndian.WriteUInt16(header, 4, Version);
            LittleEndian.WriteUInt16(header, 6, BlockSize);
            LittleEndian.WriteUInt32(header, 8, sequence);
            LittleEndian.WriteUInt32(header, 12, (uint)bodyLength);
            LittleEndian.WriteUInt32(header, 16, EspCrc32.Compute(body, 0, bodyLength));
            LittleEndian.WriteUInt32(header, 28, EspCrc32.Compute(header, 0, 28));
            return header;
        }

        /// <summary>The marker block that revokes the record with <paramref name="sequence"/>.</summary>
        public static byte[] BuildMarker(uint sequence)
        {
            var marker = new byte[BlockSize];
            LittleEndian.WriteUInt32(marker, 0, MarkerMagic);
            LittleEndian.WriteUInt32(marker, 4, sequence);
            LittleEndian.WriteUInt32(marker, 28, EspCrc32.Compute(marker, 0, 28));
            return marker;
        }

        /// <summary>True when <paramref name="block"/> is exactly the marker for <paramref name="sequence"/>.</summary>
        public static bool IsMarker(byte[] block, int offset, uint sequence)
        {
            byte[] expected = BuildMarker(sequence);
            for (int i = 0; i < BlockSize; i++)
            {
                if (block[offset + i] != expected[i]) return false;
            }

            return true;
        }
    }
}
