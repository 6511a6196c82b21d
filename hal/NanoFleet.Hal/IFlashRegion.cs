namespace NanoFleet.Hal
{
    /// <summary>
    /// One flash partition, addressed from its own start. NOR semantics: <see cref="Erase"/> sets whole
    /// sectors to 0xFF, <see cref="Write"/> can only clear bits.
    /// </summary>
    public interface IFlashRegion
    {
        /// <summary>The partition label, as in partitions.csv.</summary>
        string Label { get; }

        /// <summary>Size of the region in bytes.</summary>
        int Size { get; }

        /// <summary>Erase granularity in bytes (4096 on ESP32 SPI flash).</summary>
        int SectorSize { get; }

        /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/> into a caller-owned buffer.</summary>
        /// <returns>Success, BadParameter, OutOfBounds or Error.</returns>
        HalStatus Read(int offset, byte[] buffer, int bufferOffset, int count);

        /// <summary>Erases whole sectors: offset and count must be multiples of <see cref="SectorSize"/>.</summary>
        /// <returns>Success, Misaligned, OutOfBounds, PowerLost or Error.</returns>
        HalStatus Erase(int offset, int count);

        /// <summary>Programs bytes; implementations verify by reading back.</summary>
        /// <returns>Success, BadParameter, OutOfBounds, NotErased, VerifyFailed, PowerLost or Error.</returns>
        HalStatus Write(int offset, byte[] data, int dataOffset, int count);
    }
}
