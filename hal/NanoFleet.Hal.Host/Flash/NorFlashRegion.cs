namespace NanoFleet.Hal.Host.Flash
{
    /// <summary>
    /// One partition of a <see cref="NorFlash"/>: a (label, offset, size) window addressed from its own
    /// start, as esp_partition_read/erase_range/write are. Writes are read back and compared.
    /// With <see cref="EncryptedWriteRules"/> on, the region also enforces what ESP-IDF requires of a
    /// partition flagged <c>encrypted</c> under flash encryption: a write must start at a multiple of
    /// <see cref="EncryptedBlockSize"/>, cover whole blocks (else <see cref="HalStatus.Misaligned"/>)
    /// and land on bytes that are all still erased (else <see cref="HalStatus.NotErased"/>): the
    /// ciphertext of a block cannot be patched bit by bit. Nothing is written when a rule fails.
    /// Contents stay plaintext: the model checks the rules, it does not encrypt.
    /// </summary>
    public sealed class NorFlashRegion : IFlashRegion
    {
        /// <summary>
        /// The encrypted write unit: 32 bytes, the block size of the original ESP32's flash encryption
        /// (its ROM encrypted write takes 32-byte-aligned address and length); the stricter of that and
        /// the 16 bytes esp_flash_write_encrypted documents for the XTS-AES chips.
        /// </summary>
        public const int EncryptedBlockSize = 32;

        private readonly NorFlash _flash;

        /// <summary>Creates the window.</summary>
        /// <param name="flash">The chip.</param>
        /// <param name="label">The partition label.</param>
        /// <param name="offset">Absolute offset of the window.</param>
        /// <param name="size">Size of the window.</param>
        /// <param name="encryptedWriteRules">Enforce the encrypted-partition write rules (see the class remarks).</param>
        /// <exception cref="System.ArgumentOutOfRangeException">The window is not sector-aligned or does not fit the chip.</exception>
        public NorFlashRegion(NorFlash flash, string label, int offset, int size, bool encryptedWriteRules = false)
        {
            if (offset < 0 || size <= 0 || (long)offset + size > flash.Size || offset % NorFlash.SectorSize != 0 || size % NorFlash.SectorSize != 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(offset),
                    $"Partition '{label}' (0x{offset:x}, 0x{size:x}) must be 4 KB-aligned and inside the 0x{flash.Size:x}-byte flash.");
            }

            _flash = flash;
            Label = label;
            Offset = offset;
            Size = size;
            EncryptedWriteRules = encryptedWriteRules;
        }

        /// <summary>True when writes must follow the encrypted-partition rules (whole aligned blocks onto erased flash).</summary>
        public bool EncryptedWriteRules { get; }

        /// <inheritdoc />
        public string Label { get; }

        /// <summary>Absolute flash offset of the window.</summary>
        public int Offset { get; }

        /// <inheritdoc />
        public int Size { get; }

        /// <inheritdoc />
        public int SectorSize => NorFlash.SectorSize;

        /// <inheritdoc />
        public HalStatus Read(int offset, byte[] buffer, int bufferOffset, int count)
        {
            var status = CheckWindow(offset, count);
            return status != HalStatus.Success ? status : _flash.Read(Offset + offset, buffer, bufferOffset, count);
        }

        /// <inheritdoc />
        public HalStatus Erase(int offset, int count)
        {
            var status = CheckWindow(offset, count);
            return status != HalStatus.Success ? status : _flash.Erase(Offset + offset, count);
        }

        /// <inheritdoc />
        public HalStatus Write(int offset, byte[] data, int dataOffset, int count)
        {
            var status = CheckWindow(offset, count);
            if (status != HalStatus.Success) return status;
            if (EncryptedWriteRules)
            {
                status = CheckEncryptedWrite(offset, count);
                if (status != HalStatus.Success) return status;
            }

            status = _flash.Program(Offset + offset, data, dataOffset, count);
            if (status != HalStatus.Success) return status;
            var readBack = new byte[count];
            status = _flash.Read(Offset + offset, readBack, 0, count);
            if (status != HalStatus.Success) return status;
            for (int i = 0; i < count; i++)
            {
                if (readBack[i] != data[dataOffset + i]) return HalStatus.VerifyFailed;
            }

            return HalStatus.Success;
        }

        private HalStatus CheckEncryptedWrite(int offset, int count)
        {
            if (offset % EncryptedBlockSize != 0 || count % EncryptedBlockSize != 0) return HalStatus.Misaligned;
            var current = new byte[count];
            var status = _flash.Read(Offset + offset, current, 0, count);
            if (status != HalStatus.Success) return status;
            foreach (byte b in current)
            {
                if (b != 0xFF) return HalStatus.NotErased;
            }

            return HalStatus.Success;
        }

        private HalStatus CheckWindow(int offset, int count)
        {
            if (count < 0) return HalStatus.BadParameter;
            return offset < 0 || (long)offset + count > Size ? HalStatus.OutOfBounds : HalStatus.Success;
        }
    }
}
