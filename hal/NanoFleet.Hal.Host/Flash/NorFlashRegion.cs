namespace NanoFleet.Hal.Host.Flash
{
    /// <summary>
    /// One partition of a <see cref="NorFlash"/>: a (label, offset, size) window addressed from its own
    /// start, as esp_partition_read/erase_range/write are. Writes are read back and compared.
    /// </summary>
    public sealed class NorFlashRegion : IFlashRegion
    {
        private readonly NorFlash _flash;

        /// <summary>Creates the window.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">The window is not sector-aligned or does not fit the chip.</exception>
        public NorFlashRegion(NorFlash flash, string label, int offset, int size)
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
        }

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

        private HalStatus CheckWindow(int offset, int count)
        {
            if (count < 0) return HalStatus.BadParameter;
            return offset < 0 || (long)offset + count > Size ? HalStatus.OutOfBounds : HalStatus.Success;
        }
    }
}
