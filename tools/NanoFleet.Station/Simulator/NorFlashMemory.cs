using System;
using NanoFleet.Hal;
using NanoFleet.Hal.Host.Flash;

namespace NanoFleet.Station.Simulator
{
    /// <summary>
    /// <see cref="IFlashMemory"/> over the host HAL's NOR-flash model, so a simulated device's flash is
    /// the same image file a virtual device boots from (<see cref="NorFlash.OpenFile"/>).
    /// </summary>
    public sealed class NorFlashMemory : IFlashMemory
    {
        private readonly object _lock = new();

        /// <summary>Wraps <paramref name="chip"/>; the caller keeps ownership.</summary>
        public NorFlashMemory(NorFlash chip)
        {
            Chip = chip ?? throw new ArgumentNullException(nameof(chip));
        }

        /// <summary>The NOR model underneath.</summary>
        public NorFlash Chip { get; }

        /// <inheritdoc/>
        public int Size => Chip.Size;

        /// <inheritdoc/>
        public bool Read(int address, byte[] buffer, int offset, int count)
        {
            lock (_lock)
            {
                return Chip.Read(address, buffer, offset, count) == HalStatus.Success;
            }
        }

        /// <inheritdoc/>
        public bool Erase(int address, int count)
        {
            long start = (long)address / NorFlash.SectorSize * NorFlash.SectorSize;
            long end = ((long)address + count + NorFlash.SectorSize - 1) / NorFlash.SectorSize * NorFlash.SectorSize;
            if (address < 0 || count < 0 || end > Size)
            {
                return false;
            }

            lock (_lock)
            {
                return Chip.Erase((int)start, (int)(end - start)) == HalStatus.Success;
            }
        }

        /// <inheritdoc/>
        public bool Program(int address, byte[] data, int offset, int count)
        {
            lock (_lock)
            {
                return Chip.Program(address, data, offset, count) == HalStatus.Success;
            }
        }
    }
}
