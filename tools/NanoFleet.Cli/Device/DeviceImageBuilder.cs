using System;
using System.IO;
using System.Linq;
using NanoFleet.Hal.Host.Identity;
using NanoFleet.Station.Images;
using NanoFleet.Station.Partitions;

namespace NanoFleet.Cli.Device
{
    /// <summary>
    /// Lays out a whole flash image for a virtual device through the station's own
    /// <see cref="FlashPlanner"/>: the partition table (MD5 row checked) at its offset, the claim image
    /// (every TLV CRC checked, with the device MAC record, see <see cref="VirtualEfuse"/>) at the
    /// esp_secure_cert row, and 0xFF everywhere else, including the erased credential partition.
    /// </summary>
    internal static class DeviceImageBuilder
    {
        /// <summary>The flash size of the ESP32 modules partitions.csv is written for.</summary>
        public const int DefaultFlashSize = 4 * 1024 * 1024;

        /// <summary>Builds the image.</summary>
        /// <param name="table">The table from partitions.csv.</param>
        /// <param name="claimImage">The esp_secure_cert partition contents (as `nanofleet image claim` writes it).</param>
        /// <param name="macAddress">12 hex digits (normalized).</param>
        /// <param name="flashSize">Image size in bytes.</param>
        /// <exception cref="InvalidDataException">The table lacks a credential row or a row does not fit the flash.</exception>
        /// <exception cref="FormatException">The claim image is corrupt, too big, or has no esp_secure_cert row to go in (the station's checks).</exception>
        public static byte[] Build(PartitionTable table, byte[] claimImage, string macAddress, int flashSize = DefaultFlashSize)
        {
            if (table.Find(DeviceImage.CredentialsLabel) is null)
            {
                throw new InvalidDataException($"the partition table has no '{DeviceImage.CredentialsLabel}' row for the device credentials");
            }

            if (table.Rows.FirstOrDefault(r => r.Offset + (long)r.Size > flashSize) is { } tooFar)
            {
                throw new InvalidDataException($"partition '{tooFar.Name}' ends at 0x{tooFar.Offset + (long)tooFar.Size:X}, beyond the {flashSize / 1024} KB flash");
            }

            // The same planner, and so the same checks, as for a real device over the ROM loader;
            // here the regions land in a file instead of SPI flash.
            FlashPlan plan = new FlashPlanner(table)
                .AddTable(table.ToBinary(), "partitions.csv")
                .AddClaim(VirtualEfuse.WithMac(claimImage, MacAddress.ToBytes(macAddress)), "claim image")
                .Build();
            var image = new byte[flashSize];
            image.AsSpan().Fill(0xFF);
            foreach (var region in plan.Regions)
            {
                region.Data.CopyTo(image, (int)region.Offset);
            }

            return image;
        }
    }
}
