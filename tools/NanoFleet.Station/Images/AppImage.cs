using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace NanoFleet.Station.Images
{
    /// <summary>
    /// An ESP-IDF app image as esptool's image_info reads it (firmware-image-format.rst,
    /// esp_app_format.h): 24-byte header, segments, checksum byte at a 16-byte boundary, optional
    /// SHA-256, esp_app_desc_t at 0x20. <see cref="Parse"/> refuses any image the bootloader would refuse.
    /// </summary>
    public sealed class AppImage
    {
        /// <summary>First byte of every app image.</summary>
        public const byte Magic = 0xE9;

        /// <summary>Header size before the first segment.</summary>
        public const int HeaderSize = 24;

        /// <summary>The bootloader loads at most this many segments.</summary>
        public const int MaxSegments = 16;

        /// <summary>esp_app_desc_t magic word.</summary>
        public const uint AppDescMagic = 0xABCD5432;

        private AppImage(string source, string kind, ushort chipId, ushort minRevisionFull, ushort maxRevisionFull, int segments,
            int length, bool hashAppended, string? projectName, string? version)
        {
            Source = source;
            Kind = kind;
            ChipId = chipId;
            MinRevisionFull = minRevisionFull;
            MaxRevisionFull = maxRevisionFull;
            SegmentCount = segments;
            Length = length;
            HashAppended = hashAppended;
            ProjectName = projectName;
            Version = version;
        }

        /// <summary>File name, for messages.</summary>
        public string Source { get; }

        /// <summary>What the image is for messages: "app image", or "bootloader image" (same format).</summary>
        public string Kind { get; }

        /// <summary>chip_id from the extended header (ESP32 = 0).</summary>
        public ushort ChipId { get; }

        /// <summary>Minimum chip revision, major×100 + minor.</summary>
        public ushort MinRevisionFull { get; }

        /// <summary>Maximum chip revision, major×100 + minor (0xFFFF = any).</summary>
        public ushort MaxRevisionFull { get; }

        /// <summary>Number of segments.</summary>
        public int SegmentCount { get; }

        /// <summary>Bytes covered by the image (including checksum and hash).</summary>
        public int Length { get; }

        /// <summary>Whether a SHA-256 follows the checksum.</summary>
        public bool HashAppended { get; }

        /// <summary>esp_app_desc_t project_name, when present.</summary>
        public string? ProjectName { get; }

        /// <summary>esp_app_desc_t version, when present.</summary>
        public string? Version { get; }

        /// <summary>Parses and checks an app image, or a second-stage bootloader (the same format).</summary>
        /// <param name="image">The file contents.</param>
        /// <param name="source">File name for messages.</param>
        /// <param name="kind">What the image is, for messages.</param>
        /// <exception cref="ImageContentException">Bad magic, too many segments, a segment past the end, wrong checksum or SHA-256.</exception>
        public static AppImage Parse(byte[] image, string source, string kind = "app image")
        {
            ArgumentNullException.ThrowIfNull(image);
            if (image.Length < HeaderSize + 1)
            {
                throw Bad(source, kind, $"is {image.Length} bytes, too short for an ESP image header");
            }

            if (image[0] != Magic)
            {
                throw Bad(source, kind, $"starts with 0x{image[0]:X2}, not the ESP image magic 0xE9");
            }

            int segments = image[1];
            if (segments == 0 || segments > MaxSegments)
            {
                throw Bad(source, kind, $"declares {segments} segments; the bootloader accepts 1 to {MaxSegments}");
            }

            ushort chipId = BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(12));
            ushort minRev = BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(15));
            ushort maxRev = BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(17));
            bool hashAppended = image[23] == 1;

            byte checksum = 0xEF;
            int position = HeaderSize;
            for (int i = 0; i < segments; i++)
            {
                if (position + 8 > image.Length)
                {
                    throw Bad(source, kind, $"ends inside the header of segment {i} at 0x{position:X}");
                }

                uint length = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(position + 4));
                position += 8;
                if (length > (uint)(image.Length - position))
                {
                    throw Bad(source, kind, $"segment {i} at 0x{position - 8:X} claims {length} bytes, past the end of the file");
                }

                foreach (byte b in image.AsSpan(position, (int)length))
                {
                    checksum ^= b;
                }

                position += (int)length;
            }

            // Zero padding so that the checksum byte ends a 16-byte block.
            int checksumAt = (position + 16) / 16 * 16 - 1;
            if (checksumAt >= image.Length)
            {
                throw Bad(source, kind, "ends before its checksum byte");
            }

            if (image[checksumAt] != checksum)
            {
                throw Bad(source, kind, $"checksum byte is 0x{image[checksumAt]:X2}, the segments give 0x{checksum:X2}");
            }

            int length2 = checksumAt + 1;
            if (hashAppended)
            {
                if (length2 + 32 > image.Length)
                {
                    throw Bad(source, kind, "declares an appended SHA-256 but ends before it");
                }

                byte[] actual = SHA256.HashData(image.AsSpan(0, length2));
                if (!actual.AsSpan().SequenceEqual(image.AsSpan(length2, 32)))
                {
                    throw Bad(source, kind, "appended SHA-256 does not match the image (corrupted or modified after signing)");
                }

                length2 += 32;
            }

            ReadDescriptor(image, out string? project, out string? version);
            return new AppImage(source, kind, chipId, minRev, maxRev, segments, length2, hashAppended, project, version);
        }

        /// <summary>Checks the image against the chip and the partition it goes to.</summary>
        /// <exception cref="ImageContentException">Another chip's image, or larger than the partition.</exception>
        public void CheckFits(ushort chipId, string chipName, string partition, uint partitionSize)
        {
            if (ChipId != chipId)
            {
                throw Bad(Source, Kind, $"is built for chip id {ChipId} ({Targets.ImageChipIds.NameOf(ChipId)}), not {chipName} (chip id {chipId})");
            }

            if ((uint)Length > partitionSize)
            {
                throw Bad(Source, Kind, $"is {Length} bytes, larger than partition '{partition}' (0x{partitionSize:X} bytes)");
            }
        }

        /// <summary>Checks the chip revision against the image's min/max (esptool refuses the same).</summary>
        /// <exception cref="ImageContentException">The chip revision is outside the image's range.</exception>
        public void CheckRevision(int revision)
        {
            if (revision < MinRevisionFull || (MaxRevisionFull != 0xFFFF && MaxRevisionFull != 0 && revision > MaxRevisionFull))
            {
                throw Bad(Source, Kind, $"needs chip revision v{MinRevisionFull / 100}.{MinRevisionFull % 100} or later" +
                    $" (up to {(MaxRevisionFull == 0xFFFF ? "any" : $"v{MaxRevisionFull / 100}.{MaxRevisionFull % 100}")}), the chip is v{revision / 100}.{revision % 100}");
            }
        }

        private static void ReadDescriptor(byte[] image, out string? project, out string? version)
        {
            project = null;
            version = null;
            const int at = 0x20;
            if (image.Length >= at + 256 && BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(at)) == AppDescMagic)
            {
                version = CString(image.AsSpan(at + 16, 32));
                project = CString(image.AsSpan(at + 48, 32));
            }
        }

        private static string CString(ReadOnlySpan<byte> field)
        {
            int nul = field.IndexOf((byte)0);
            return Encoding.UTF8.GetString(nul < 0 ? field : field[..nul]);
        }

        private static ImageContentException Bad(string source, string kind, string what) => new($"{source}: {kind} {what}");
    }
}
