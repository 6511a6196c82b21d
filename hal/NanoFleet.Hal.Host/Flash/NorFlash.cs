using System;
using System.IO;

namespace NanoFleet.Hal.Host.Flash
{
    /// <summary>
    /// A NOR-flash chip as the ESP32 sees its SPI flash: erase works on 4 KB sectors and sets them to
    /// 0xFF; programming can only clear bits, so writing a 1 over a 0 is refused with
    /// <see cref="HalStatus.NotErased"/> (nothing is changed). Optionally backed by an image file that
    /// every erase and program reaches before the call returns, so the contents survive a process
    /// restart. Tests inject power cuts: after the k-th programmed byte, or inside a sector erase
    /// (leaving that sector a mix of old bytes and 0xFF); after a cut every call fails with
    /// <see cref="HalStatus.PowerLost"/> until <see cref="PowerOn"/>. Counts erases per sector.
    /// </summary>
    /// <example>
    /// <code>
    /// using var chip = NorFlash.OpenFile("device.img", 4 * 1024 * 1024);
    /// chip.CutAfterProgrammedBytes(100);            // the 100th byte programmed is the last
    /// </code>
    /// </example>
    public sealed class NorFlash : IDisposable
    {
        /// <summary>Erase granularity of ESP32 SPI flash.</summary>
        public const int SectorSize = 4096;

        private readonly byte[] _data;
        private readonly long[] _eraseCounts;
        private readonly FileStream? _file;
        private long _programCutAt;       // 0: none armed; otherwise cut once this many bytes have been programmed since arming
        private long _programmedSinceArm;
        private EraseCut? _eraseCut;
        private long _erasesSinceArm;

        private NorFlash(byte[] data, FileStream? file)
        {
            _data = data;
            _file = file;
            _eraseCounts = new long[data.Length / SectorSize];
        }

        /// <summary>Size of the chip in bytes.</summary>
        public int Size => _data.Length;

        /// <summary>True after an injected power cut, until <see cref="PowerOn"/>.</summary>
        public bool IsPoweredOff { get; private set; }

        /// <summary>Bytes programmed since creation (or <see cref="ResetCounters"/>).</summary>
        public long BytesProgrammed { get; private set; }

        /// <summary>Sector erases since creation (or <see cref="ResetCounters"/>).</summary>
        public long SectorErases { get; private set; }

        /// <summary>A blank (all 0xFF) chip in memory.</summary>
        public static NorFlash CreateBlank(int size)
        {
            CheckSize(size);
            var data = new byte[size];
            data.AsSpan().Fill(0xFF);
            return new NorFlash(data, null);
        }

        /// <summary>A chip in memory holding a copy of <paramref name="image"/>.</summary>
        public static NorFlash FromImage(byte[] image)
        {
            CheckSize(image.Length);
            return new NorFlash((byte[])image.Clone(), null);
        }

        /// <summary>
        /// Opens the image file at <paramref name="path"/>, creating it blank (0xFF) when missing.
        /// Every change is written through to the file.
        /// </summary>
        /// <exception cref="InvalidDataException">The file exists with a different size.</exception>
        public static NorFlash OpenFile(string path, int size)
        {
            CheckSize(size);
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            try
            {
                var data = new byte[size];
                if (file.Length == 0)
                {
                    data.AsSpan().Fill(0xFF);
                    file.Write(data);
                    file.Flush();
                }
                else if (file.Length != size)
                {
                    throw new InvalidDataException($"{path} is {file.Length} bytes; expected a {size}-byte flash image");
                }
                else
                {
                    file.ReadExactly(data);
                }

                return new NorFlash(data, file);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        /// <summary>A copy of the whole chip.</summary>
        public byte[] Snapshot() => (byte[])_data.Clone();

        /// <summary>Erases of sector <paramref name="sector"/> (address / 4096).</summary>
        public long EraseCount(int sector) => _eraseCounts[sector];

        /// <summary>Zeroes <see cref="BytesProgrammed"/>, <see cref="SectorErases"/> and the per-sector counts.</summary>
        public void ResetCounters()
        {
            BytesProgrammed = 0;
            SectorErases = 0;
            Array.Clear(_eraseCounts);
        }

        /// <summary>Arms a cut: the <paramref name="k"/>-th byte programmed from now is the last one to land.</summary>
        public void CutAfterProgrammedBytes(long k)
        {
            if (k <= 0) throw new ArgumentOutOfRangeException(nameof(k), "k counts from 1");
            _programCutAt = k;
            _programmedSinceArm = 0;
        }

        /// <summary>Arms a cut inside a sector erase.</summary>
        public void CutDuringErase(EraseCut cut)
        {
            if (cut.EraseIndex <= 0) throw new ArgumentOutOfRangeException(nameof(cut), "erase index counts from 1");
            _eraseCut = cut;
            _erasesSinceArm = 0;
        }

        /// <summary>Restores power: clears the cut state and any armed cut (the contents stay as the cut left them).</summary>
        public void PowerOn()
        {
            IsPoweredOff = false;
            _programCutAt = 0;
            _eraseCut = null;
        }

        /// <summary>Reads bytes.</summary>
        /// <returns>Success, BadParameter, OutOfBounds or PowerLost.</returns>
        public HalStatus Read(int address, byte[] buffer, int offset, int count)
        {
            var status = CheckRange(address, buffer, offset, count);
            if (status != HalStatus.Success) return status;
            Buffer.BlockCopy(_data, address, buffer, offset, count);
            return HalStatus.Success;
        }

        /// <summary>Erases the sectors covering [address, address+count): both must be sector-aligned.</summary>
        /// <returns>Success, Misaligned, OutOfBounds or PowerLost.</returns>
        public HalStatus Erase(int address, int count)
        {
            if (IsPoweredOff) return HalStatus.PowerLost;
            if (address < 0 || count < 0 || (long)address + count > _data.Length) return HalStatus.OutOfBounds;
            if (address % SectorSize != 0 || count % SectorSize != 0) return HalStatus.Misaligned;
            for (int sector = address; sector < address + count; sector += SectorSize)
            {
                if (!EraseSector(sector)) return HalStatus.PowerLost;
            }

            return HalStatus.Success;
        }

        /// <summary>Programs bytes: each target byte must only lose bits (old AND new == new).</summary>
        /// <returns>Success, BadParameter, OutOfBounds, NotErased (nothing written) or PowerLost (a prefix written).</returns>
        public HalStatus Program(int address, byte[] data, int offset, int count)
        {
            var status = CheckRange(address, data, offset, count);
            if (status != HalStatus.Success) return status;
            for (int i = 0; i < count; i++)
            {
                byte value = data[offset + i];
                if ((_data[address + i] & value) != value) return HalStatus.NotErased;
            }

            for (int i = 0; i < count; i++)
            {
                _data[address + i] = data[offset + i];
                BytesProgrammed++;
                if (_programCutAt > 0 && ++_programmedSinceArm == _programCutAt)
                {
                    Persist(address, i + 1);
                    IsPoweredOff = true;
                    return HalStatus.PowerLost;
                }
            }

            Persist(address, count);
            return HalStatus.Success;
        }

        /// <inheritdoc />
        public void Dispose() => _file?.Dispose();

        private bool EraseSector(int address)
        {
            SectorErases++;
            _eraseCounts[address / SectorSize]++;
            var sector = _data.AsSpan(address, SectorSize);
            if (_eraseCut is { } cut && ++_erasesSinceArm == cut.EraseIndex)
            {
                ApplyCut(sector, cut);
                Persist(address, SectorSize);
                IsPoweredOff = true;
                return false;
            }

            sector.Fill(0xFF);
            Persist(address, SectorSize);
            return true;
        }

        private static void ApplyCut(Span<byte> sector, EraseCut cut)
        {
            switch (cut.Shape)
            {
                case EraseCutShape.NothingErased:
                    break;
                case EraseCutShape.FullyErased:
                    sector.Fill(0xFF);
                    break;
                case EraseCutShape.FirstHalfErased:
                    sector.Slice(0, SectorSize / 2).Fill(0xFF);
                    break;
                case EraseCutShape.SecondHalfErased:
                    sector.Slice(SectorSize / 2).Fill(0xFF);
                    break;
                default:
                    var random = new Random(cut.Seed);
                    for (int i = 0; i < sector.Length; i++)
                    {
                        if (random.Next(2) == 0) sector[i] = 0xFF;
                    }

                    break;
            }
        }

        private HalStatus CheckRange(int address, byte[] buffer, int offset, int count)
        {
            if (IsPoweredOff) return HalStatus.PowerLost;
            if (buffer is null || offset < 0 || count < 0 || (long)offset + count > buffer.Length) return HalStatus.BadParameter;
            if (address < 0 || (long)address + count > _data.Length) return HalStatus.OutOfBounds;
            return HalStatus.Success;
        }

        private void Persist(int address, int count)
        {
            if (_file is null || count == 0) return;
            _file.Position = address;
            _file.Write(_data, address, count);
            _file.Flush();
        }

        private static void CheckSize(int size)
        {
            if (size <= 0 || size % SectorSize != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(size), $"A flash size must be a positive multiple of {SectorSize}.");
            }
        }
    }
}
