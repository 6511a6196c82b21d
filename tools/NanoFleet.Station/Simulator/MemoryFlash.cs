using System;
using System.IO;

namespace NanoFleet.Station.Simulator
{
    /// <summary>
    /// <see cref="IFlashMemory"/> over a byte array, loadable from and savable to a raw flash image file
    /// (the layout the virtual device boots from).
    /// </summary>
    public sealed class MemoryFlash : IFlashMemory
    {
        /// <summary>Erase granularity.</summary>
        public const int SectorSize = 0x1000;

        private readonly byte[] _bytes;

        /// <summary>Creates an erased flash of <paramref name="size"/> bytes (a multiple of 4 KB).</summary>
        public MemoryFlash(int size)
        {
            if (size <= 0 || size % SectorSize != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(size), $"Flash size {size} is not a positive multiple of 4 KB.");
            }

            _bytes = new byte[size];
            _bytes.AsSpan().Fill(0xFF);
        }

        /// <inheritdoc/>
        public int Size => _bytes.Length;

        /// <summary>Loads an image file; a shorter file leaves the rest erased.</summary>
        /// <exception cref="InvalidDataException">The file is larger than the flash.</exception>
        public static MemoryFlash Load(string path, int size)
        {
            var flash = new MemoryFlash(size);
            byte[] content = File.ReadAllBytes(path);
            if (content.Length > size)
            {
                throw new InvalidDataException($"Flash image '{path}' holds {content.Length} bytes, more than the {size}-byte flash.");
            }

            content.CopyTo(flash._bytes, 0);
            return flash;
        }

        /// <summary>Writes the whole flash to <paramref name="path"/> atomically (temp file, then rename).</summary>
        public void Save(string path)
        {
            string temp = path + ".tmp";
            lock (_bytes)
            {
                File.WriteAllBytes(temp, _bytes);
            }

            File.Move(temp, path, overwrite: true);
        }

        /// <inheritdoc/>
        public void Read(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, count);
            lock (_bytes)
            {
                Array.Copy(_bytes, address, buffer, offset, count);
            }
        }

        /// <inheritdoc/>
        public void Erase(int address, int count)
        {
            int start = address / SectorSize * SectorSize;
            int end = (address + count + SectorSize - 1) / SectorSize * SectorSize;
            CheckRange(start, end - start);
            lock (_bytes)
            {
                _bytes.AsSpan(start, end - start).Fill(0xFF);
            }
        }

        /// <inheritdoc/>
        public void Program(int address, byte[] data, int offset, int count)
        {
            CheckRange(address, count);
            lock (_bytes)
            {
                for (int i = 0; i < count; i++)
                {
                    _bytes[address + i] &= data[offset + i];
                }
            }
        }

        private void CheckRange(int address, int count)
        {
            if (address < 0 || count < 0 || (long)address + count > _bytes.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(address),
                    $"Range 0x{address:X}+0x{count:X} lies outside the {_bytes.Length}-byte flash.");
            }
        }
    }
}
