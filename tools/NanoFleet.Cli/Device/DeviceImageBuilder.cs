using System;
using System.IO;
using System.Linq;
using NanoFleet.Hal.Host.Identity;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Station.Operations;
using NanoFleet.Station.Partitions;

namespace NanoFleet.Cli.Device
{
    /// <summary>
    /// Lays out a whole flash image for a virtual device: the partition table at 0x8000, the claim
    /// image (with the device MAC record, see <see cref="VirtualEfuse"/>) at the esp_secure_cert row,
    /// and 0xFF everywhere else, including the erased credential partition.
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
        /// <exception cref="InvalidDataException">The table lacks a claim or credential row, a row does not fit, or the claim image is too big or corrupt.</exception>
        public static byte[] Build(PartitionTable table, byte[] claimImage, string macAddress, int flashSize = DefaultFlashSize)
        {
            var claimRow = table.Rows.FirstOrDefault(r => r.Type == SecureCertTlv.PartitionType && r.Name == DeviceImage.ClaimLabel)
                ?? throw new InvalidDataException($"the partition table has no '{DeviceImage.ClaimLabel}' row (type 0x3F) to hold the claim");
            if (table.Find(DeviceImage.CredentialsLabel) is null)
            {
                throw new InvalidDataException($"the partition table has no '{DeviceImage.CredentialsLabel}' row for the device credentials");
            }

            if (table.Rows.FirstOrDefault(r => r.Offset + (long)r.Size > flashSize) is { } tooFar)
            {
                throw new InvalidDataException($"partition '{tooFar.Name}' ends at 0x{tooFar.Offset + (long)tooFar.Size:X}, beyond the {flashSize / 1024} KB flash");
            }

            if (claimImage.Length > claimRow.Size)
            {
                throw new InvalidDataException($"the claim image is {claimImage.Length} bytes; the '{claimRow.Name}' partition holds 0x{claimRow.Size:X}");
            }

            // The same regions the station writes to a real device over the ROM loader; here they
            // land in a file instead of SPI flash.
            var regions = new[]
            {
                new FlashRegion("partition_table", DeviceImage.TableOffset, table.ToBinary()),
                new FlashRegion(claimRow.Name, claimRow.Offset, VirtualEfuse.WithMac(claimImage, MacAddress.ToBytes(macAddress))),
            };
            var image = new byte[flashSize];
            image.AsSpan().Fill(0xFF);
            foreach (var region in regions)
            {
                region.Data.CopyTo(image, (int)region.Offset);
            }

            return image;
        }
    }
}
