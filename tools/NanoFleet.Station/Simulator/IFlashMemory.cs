namespace NanoFleet.Station.Simulator
{
    /// <summary>
    /// The simulated chip's SPI flash as its ROM sees it: whole-chip addresses, NOR semantics (erase
    /// sets sectors to FF, programming only clears bits). Every call reports failure instead of
    /// throwing, as the ROM turns a failed flash operation into an error code.
    /// </summary>
    public interface IFlashMemory
    {
        /// <summary>Flash size in bytes.</summary>
        int Size { get; }

        /// <summary>Copies <paramref name="count"/> bytes at <paramref name="address"/>.</summary>
        /// <returns>False when the range is outside the flash or the chip lost power.</returns>
        bool Read(int address, byte[] buffer, int offset, int count);

        /// <summary>Erases the sectors covering [address, address+count), as the ROM does.</summary>
        /// <returns>False when the range is outside the flash or the chip lost power.</returns>
        bool Erase(int address, int count);

        /// <summary>Programs bytes over erased flash.</summary>
        /// <returns>False when the range is outside the flash, a bit would have to rise, or power was lost.</returns>
        bool Program(int address, byte[] data, int offset, int count);
    }
}
