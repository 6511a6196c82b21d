using NanoFleet.Hal;

namespace NanoFleet.Provisioning.Tests.Nano.Storage
{
    /// <summary>
    /// A nano-compatible in-RAM flash partition with NOR rules (erase to 0xFF per 4 KB sector, program
    /// only clears bits), counting erases and writes, for store logic tests that also run on a nanoCLR.
    /// With <see cref="EncryptedWriteBlock"/> set it also enforces the encrypted-partition write rules:
    /// whole aligned blocks (else Misaligned) onto erased bytes only (else NotErased).
    /// The exhaustive power-cut test uses the host NOR model instead (NanoFleet.Hal.Host.Tests).
    /// </summary>
    internal sealed class RamFlashRegion : IFlashRegion
    {
        private readonly byte[] _data;

        public RamFlashRegion(string label, int size)
        {
            Label = label;
            _data = TestBytes.Filled(size, 0xFF);
        }

        public string Label { get; }

        public int Size => _data.Length;

        public int SectorSize => 4096;

        public byte[] Data => _data;

        public int Erases { get; private set; }

        public int Writes { get; private set; }

        /// <summary>0: plain NOR rules; otherwise the encrypted write block size (32 on ESP32).</summary>
        public int EncryptedWriteBlock { get; set; }

        public HalStatus Read(int offset, byte[] buffer, int bufferOffset, int count)
        {
            if (offset < 0 || count < 0 || offset + count > _data.Length) return HalStatus.OutOfBounds;
            System.Array.Copy(_data, offset, buffer, bufferOffset, count);
            return HalStatus.Success;
        }

        public HalStatus Erase(int offset, int count)
        {
            if (offset < 0 || count < 0 || offset + count > _data.Length) return HalStatus.OutOfBounds;
            if (offset % SectorSize != 0 || count % SectorSize != 0) return HalStatus.Misaligned;
            for (int i = offset; i < offset + count; i++) _data[i] = 0xFF;
            Erases += count / SectorSize;
            return HalStatus.Success;
        }

        public HalStatus Write(int offset, byte[] data, int dataOffset, int count)
        {
            if (offset < 0 || count < 0 || offset + count > _data.Length) return HalStatus.OutOfBounds;
            if (EncryptedWriteBlock > 0)
            {
                if (offset % EncryptedWriteBlock != 0 || count % EncryptedWriteBlock != 0) return HalStatus.Misaligned;
                for (int i = 0; i < count; i++)
                {
                    if (_data[offset + i] != 0xFF) return HalStatus.NotErased;
                }
            }

            for (int i = 0; i < count; i++)
            {
                if ((_data[offset + i] & data[dataOffset + i]) != data[dataOffset + i]) return HalStatus.NotErased;
            }

            for (int i = 0; i < count; i++) _data[offset + i] = data[dataOffset + i];
            Writes++;
            return HalStatus.Success;
        }
    }
}
