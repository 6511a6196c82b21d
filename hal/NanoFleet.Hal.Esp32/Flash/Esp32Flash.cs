using System;

namespace NanoFleet.Hal.Esp32
{
    /// <summary>Opens flash partitions by their partitions.csv label through the partition interop.</summary>
    public sealed class Esp32Flash : IFlash
    {
        /// <inheritdoc />
        /// <exception cref="ArgumentException">The label is empty or longer than the table's 15 characters.</exception>
        /// <exception cref="InvalidOperationException">The native interop failed (custom nanoCLR missing or driver error).</exception>
        public IFlashRegion Open(string label)
        {
            int[] geometry = new int[NativeFlash.GeometryLength];
            HalStatus status = NativeFlash.ToHalStatus(NativeFlash.NativeOpen(label, geometry));
            switch (status)
            {
                case HalStatus.Success:
                    return new Esp32FlashRegion(
                        label,
                        geometry[NativeFlash.GeometrySize],
                        geometry[NativeFlash.GeometryEraseSize],
                        geometry[NativeFlash.GeometryEncrypted] != 0);
                case HalStatus.NotFound:
                    return null;
                case HalStatus.BadParameter:
                    throw new ArgumentException("Partition label must be 1 to 15 characters: '" + label + "'.", "label");
                default:
                    throw new InvalidOperationException("Failed to open partition '" + label + "'.");
            }
        }
    }
}
