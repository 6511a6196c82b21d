using System;
using System.IO;
using System.Linq;
using NanoFleet.Hal;
using NanoFleet.Hal.Host.Flash;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Station.Partitions;

namespace NanoFleet.Cli.Device
{
    /// <summary>
    /// One boot's view of a virtual device's flash image: the partition table read at 0x8000, the
    /// claim read from its esp_secure_cert row, the MAC, and the device-credential partition,
    /// all found by their rows as the firmware finds them on an ESP32.
    /// </summary>
    internal sealed class DeviceImage : IDisposable
    {
        /// <summary>Where the ESP32 bootloader looks for the partition table.</summary>
        public const int TableOffset = 0x8000;

        /// <summary>The label esp_secure_cert_mgr looks up (with type 0x3F) for the claim partition.</summary>
        public const string ClaimLabel = "esp_secure_cert";

        /// <summary>The label of the device-credential partition in partitions.csv.</summary>
        public const string CredentialsLabel = "nf_creds";

        private readonly HostFlash _flash;
        private readonly PartitionRow _credentialsRow;

        private DeviceImage(NorFlash chip, HostFlash flash, PartitionTable table, PartitionRow credentialsRow, ProvisioningClaim claim, string macAddress)
        {
            Chip = chip;
            _flash = flash;
            Table = table;
            _credentialsRow = credentialsRow;
            Claim = claim;
            MacAddress = macAddress;
        }

        /// <summary>The chip (for power-cut injection in tests).</summary>
        public NorFlash Chip { get; }

        /// <summary>The partition table at 0x8000.</summary>
        public PartitionTable Table { get; }

        /// <summary>The claim read from the esp_secure_cert partition.</summary>
        public ProvisioningClaim Claim { get; }

        /// <summary>The MAC the image was built with (12 lower-case hex digits).</summary>
        public string MacAddress { get; }

        /// <summary>Opens the image and reads what a boot reads. Errors name the file and what is wrong with it.</summary>
        /// <exception cref="FileNotFoundException">No such file.</exception>
        /// <exception cref="InvalidDataException">No table at 0x8000, a bad MD5, or a missing or corrupt claim partition.</exception>
        public static DeviceImage Open(string path)
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                throw new FileNotFoundException($"flash image '{path}' not found", path);
            }

            if (file.Length < TableOffset + PartitionTable.SectorSize || file.Length > int.MaxValue || file.Length % NorFlash.SectorSize != 0)
            {
                throw new InvalidDataException($"'{path}' is not a flash image: {file.Length} bytes (expected a whole number of 4 KB sectors holding a partition table at 0x8000)");
            }

            var chip = NorFlash.OpenFile(path, (int)file.Length);
            try
            {
                PartitionTable table = ReadTable(chip, path);
                PartitionRow claimRow = FindClaimRow(table, path);
                PartitionRow credentialsRow = table.Find(CredentialsLabel)
                    ?? throw new InvalidDataException($"'{path}': the partition table has no '{CredentialsLabel}' row for the device credentials");
                if (table.Rows.FirstOrDefault(r => r.Offset + (long)r.Size > chip.Size) is { } tooFar)
                {
                    throw new InvalidDataException($"'{path}': partition '{tooFar.Name}' ends at 0x{tooFar.Offset + (long)tooFar.Size:X}, beyond the {chip.Size / 1024} KB image");
                }

                var flash = new HostFlash(chip, table.Rows.Select(r => new FlashPartition(r.Name, (int)r.Offset, (int)r.Size)));
                IFlashRegion claimRegion = flash.Open(claimRow.Name)!;
                var claim = new ProvisioningClaim();
                FpStatus status = ClaimPartition.Read(claimRegion, claim, out string error);
                if (status == FpStatus.NoMatch)
                {
                    throw new InvalidDataException($"'{path}': the claim partition '{claimRow.Name}' at 0x{claimRow.Offset:X} is empty (erased): the image was never given a claim");
                }

                if (status != FpStatus.Success)
                {
                    throw new InvalidDataException($"'{path}': the claim partition '{claimRow.Name}' at 0x{claimRow.Offset:X} is unusable: {error}");
                }

                // A station-flashed image has no virtual eFuse record: the station read the chip's
                // eFuse MAC and wrote it into the claim's MacAddress parameter, so use that. A JITP device
                // names itself by its certificate and needs no MAC.
                string mac = VirtualEfuse.ReadMac(claimRegion, out error)
                    ?? StationRecordedMac(claim)
                    ?? (claim.JustInTime ? "" : null)
                    ?? throw new InvalidDataException($"'{path}': no device MAC in '{claimRow.Name}' ({error}, and no MacAddress claim parameter); build the image with `nanofleet image device --mac`");
                return new DeviceImage(chip, flash, table, credentialsRow, claim, mac);
            }
            catch
            {
                chip.Dispose();
                throw;
            }
        }

        /// <summary>The MAC the factory station put into the claim parameters, normalized, or null.</summary>
        private static string? StationRecordedMac(ProvisioningClaim claim)
        {
            string? value = claim.Parameters.Get("MacAddress");
            return value is not null && Hal.Host.Identity.MacAddress.TryNormalize(value, out string mac) ? mac : null;
        }

        /// <summary>The power-safe credential store over the credential partition.</summary>
        public ICredentialStore OpenCredentialStore(ILogSink log) =>
            new DeviceCredentialStore(_flash.Open(_credentialsRow.Name)!, log);

        /// <inheritdoc />
        public void Dispose() => Chip.Dispose();

        private static PartitionTable ReadTable(NorFlash chip, string path)
        {
            var bytes = new byte[PartitionTable.MaxLength];
            chip.Read(TableOffset, bytes, 0, bytes.Length);
            if (bytes[0] != 0xAA || bytes[1] != 0x50)
            {
                string found = bytes[0] == 0xFF && bytes[1] == 0xFF ? "erased flash" : $"bytes {bytes[0]:X2} {bytes[1]:X2}";
                throw new InvalidDataException($"'{path}' has no partition table at 0x8000 (found {found}, expected the AA 50 entry magic)");
            }

            try
            {
                return PartitionTable.FromBinary(bytes, path + "@0x8000");
            }
            catch (PartitionTableException ex)
            {
                throw new InvalidDataException(ex.IsChecksumMismatch
                    ? $"'{path}': the partition table at 0x8000 has a bad MD5 (it was changed after it was built)"
                    : $"'{path}': the partition table at 0x8000 is invalid: {ex.Message}");
            }
        }

        private static PartitionRow FindClaimRow(PartitionTable table, string path) =>
            table.Rows.FirstOrDefault(r => r.Type == SecureCertTlv.PartitionType && r.Name == ClaimLabel)
            ?? throw new InvalidDataException($"'{path}': the partition table has no '{ClaimLabel}' row (type 0x3F) for the claim");
    }
}
