namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// One partition on the ESP32's SPI flash. Every call goes to the native side by label, which
    /// checks bounds and alignment, enforces the NOR rules on the raw flash and verifies each write by
    /// reading it back. On an encrypted partition writes must be 16-byte aligned and land on erased flash.
    /// </summary>
    public sealed class Esp32FlashRegion : IFlashRegion
    {
        internal Esp32FlashRegion(string label, int size, int sectorSize, bool encrypted)
        {
            Label = label;
            Size = size;
            SectorSize = sectorSize;
            Encrypted = encrypted;
        }

        /// <inheritdoc />
        public string Label { get; }

        /// <inheritdoc />
        public int Size { get; }

        /// <inheritdoc />
        public int SectorSize { get; }

        /// <summary>True when ESP-IDF encrypts this partition (flash encryption on and the row flagged).</summary>
        public bool Encrypted { get; }

        /// <inheritdoc />
        public HalStatus Read(int offset, byte[] buffer, int bufferOffset, int count) =>
            NativeFlash.ToHalStatus(NativeFlash.NativeRead(Label, offset, buffer, bufferOffset, count));

        /// <inheritdoc />
        public HalStatus Erase(int offset, int count) =>
            NativeFlash.ToHalStatus(NativeFlash.NativeErase(Label, offset, count));

        /// <inheritdoc />
        public HalStatus Write(int offset, byte[] data, int dataOffset, int count) =>
            NativeFlash.ToHalStatus(NativeFlash.NativeWrite(Label, offset, data, dataOffset, count));

        /// <inheritdoc />
        public override string ToString() => "partition " + Label + " (" + Size + " bytes" + (Encrypted ? ", encrypted)" : ")");
    }
}
