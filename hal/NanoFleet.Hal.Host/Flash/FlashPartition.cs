namespace NanoFleet.Hal.Host.Flash
{
    /// <summary>A partition row as the host HAL needs it: label, absolute offset and size (the caller reads partitions.csv).</summary>
    /// <param name="Label">The partition name.</param>
    /// <param name="Offset">Absolute flash offset.</param>
    /// <param name="Size">Size in bytes.</param>
    /// <param name="EncryptedWriteRules">Opened regions enforce the encrypted-partition write rules (see <see cref="NorFlashRegion"/>).</param>
    public sealed record FlashPartition(string Label, int Offset, int Size, bool EncryptedWriteRules = false);
}
