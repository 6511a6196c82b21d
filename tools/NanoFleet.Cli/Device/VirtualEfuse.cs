using System;
using System.IO;
using System.Security.Cryptography;
using NanoFleet.Hal;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Cli.Device
{
    /// <summary>
    /// Where a virtual device keeps its MAC. On an ESP32 the MAC is burnt into eFuse BLOCK0 and
    /// never in flash; a flash image has no eFuse, so `nanofleet image device` records it in the
    /// claim partition as one extra esp_secure_cert record: type USER_DATA_5 (55), subtype
    /// <see cref="MacSubtype"/>, six raw bytes. Firmware on real hardware ignores the record (it
    /// reads eFuse); Espressif's tools see an ordinary user-data record. This keeps every byte
    /// outside the partitions 0xFF and partitions.csv unchanged, with no sidecar file.
    /// </summary>
    internal static class VirtualEfuse
    {
        /// <summary>The record type (USER_DATA_5).</summary>
        public const byte MacType = SecureCertTlv.TypeUserData5;

        /// <summary>The record subtype (0x0E, "eFuse"), so other USER_DATA_5 uses do not collide.</summary>
        public const byte MacSubtype = 0x0E;

        /// <summary>Reads the MAC record from the claim partition.</summary>
        /// <returns>12 lower-case hex digits, or null with <paramref name="error"/> set.</returns>
        public static string? ReadMac(IFlashRegion claimRegion, out string error)
        {
            var image = new byte[claimRegion.Size];
            if (claimRegion.Read(0, image, 0, image.Length) != HalStatus.Success)
            {
                error = "the partition could not be read";
                return null;
            }

            var reader = new SecureCertTlvReader(image, 0, image.Length);
            var record = new SecureCertTlvRecord();
            TlvStatus status;
            while ((status = reader.Next(record, out error)) == TlvStatus.Success || status == TlvStatus.BadCrc)
            {
                if (status == TlvStatus.Success && record.Type == MacType && record.Subtype == MacSubtype && record.Length == 6)
                {
                    return Convert.ToHexStringLower(image, record.DataOffset, 6);
                }
            }

            error = status == TlvStatus.End ? "no MAC record (USER_DATA_5/0x0E)" : error;
            return null;
        }

        /// <summary>
        /// Returns a copy of a claim image with the MAC record set: every other record is kept in
        /// order, the MAC record goes before the INTEGRITY record if there is one (whose SHA-256 is
        /// then recomputed), and the rest is 0xFF.
        /// </summary>
        /// <exception cref="InvalidDataException">The claim image has a corrupt record or no room for the MAC.</exception>
        public static byte[] WithMac(byte[] claimImage, byte[] mac)
        {
            var output = new byte[claimImage.Length];
            output.AsSpan().Fill(0xFF);
            var writer = new SecureCertTlvWriter(output, 0, output.Length);
            var reader = new SecureCertTlvReader(claimImage, 0, claimImage.Length);
            var record = new SecureCertTlvRecord();
            bool hadIntegrity = false;
            TlvStatus status;
            string error;
            while ((status = reader.Next(record, out error)) == TlvStatus.Success)
            {
                if (record.Type == SecureCertTlv.TypeIntegrity)
                {
                    hadIntegrity = true;
                }
                else if (record.Type != MacType || record.Subtype != MacSubtype)
                {
                    Check(writer.Add(record.Type, record.Subtype, record.Flags, claimImage, record.DataOffset, record.Length));
                }
            }

            if (status != TlvStatus.End)
            {
                throw new InvalidDataException("the claim image is corrupt: " + error);
            }

            Check(writer.Add(MacType, MacSubtype, 0, mac, 0, mac.Length));
            if (hadIntegrity)
            {
                byte[] digest = SHA256.HashData(output.AsSpan(0, writer.Length));
                Check(writer.Add(SecureCertTlv.TypeIntegrity, 0, 0, digest, 0, digest.Length));
            }

            Check(writer.AddEndMarker());
            return output;
        }

        private static void Check(TlvStatus status)
        {
            if (status != TlvStatus.Success)
            {
                throw new InvalidDataException("the claim image has no room left for the MAC record (" + status + ")");
            }
        }
    }
}
