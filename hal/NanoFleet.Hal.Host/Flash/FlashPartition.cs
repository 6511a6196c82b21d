namespace NanoFleet.Hal.Host.Flash
{
    /// <summary>A partition row as the host HAL needs it: label, absolute offset and size (the caller reads partitions.csv).</summary>
    /// <param name="Label">The partition name.</param>
    /// <param name="Offset">Absolute flash offset.</param>
    /// <param name="Size">Size in bytes.</param>
    public sealed record FlashPartition(string Label, int Offset, int Size);
}
