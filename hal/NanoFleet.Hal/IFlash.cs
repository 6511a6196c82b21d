namespace NanoFleet.Hal
{
    /// <summary>Finds flash partitions by label (esp_partition_find_first on a device, the image's table on the host).</summary>
    public interface IFlash
    {
        /// <summary>Opens the partition named <paramref name="label"/>.</summary>
        /// <returns>The region, or null when the table has no such row.</returns>
        IFlashRegion? Open(string label);
    }
}
