namespace NanoFleet.Station.Simulator
{
    /// <summary>
    /// The simulated chip's SPI flash as the ROM sees it: whole-chip addresses, NOR semantics (erase
    /// sets sectors to FF, programming only clears bits).
    /// </summary>
    public interface IFlashMemory
    {
        /// <summary>Flash size in bytes.</summary>
        int Size { get; }

        /// <summary>Copies <paramref name="count"/> bytes at <paramref name="address"/>.</summary>
        void Read(int address, byte[] buffer, int offset, int count);

        /// <summary>Erases the sectors covering [address, address+count).</summary>
        void Erase(int address, int count);

        /// <summary>Programs bytes: each flash bit becomes old AND new.</summary>
        void Program(int address, byte[] data, int offset, int count);
    }
}
