using System;
using System.Collections.Generic;
using System.Linq;
using NanoFleet.Station.Claim;
using NanoFleet.Station.Operations;
using NanoFleet.Station.Partitions;
using NanoFleet.Station.Targets;

namespace NanoFleet.Station.Images
{
    /// <summary>
    /// Checks every image before anything is written and places it at the offset partitions.csv gives:
    /// the table at the table offset, the claim at the esp_secure_cert row, apps at their app rows.
    /// The one offset the table cannot give is the bootloader's, which the chip's ROM fixes.
    /// An image the table has no place for is refused.
    /// </summary>
    public sealed class FlashPlanner
    {
        /// <summary>Label of the claim partition (esp_secure_cert_mgr looks it up by this label).</summary>
        public const string ClaimPartition = "esp_secure_cert";

        /// <summary>Flash size assumed when partitions.csv was read without one: the 4 MB of ESP32-WROOM-32 modules.</summary>
        public const uint DefaultFlashSize = 4 * 1024 * 1024;

        /// <summary>Region name of the partition table.</summary>
        public const string TableRegion = "partition-table";

        /// <summary>Region name of the second-stage bootloader.</summary>
        public const string BootloaderRegion = "bootloader";

        private readonly PartitionTable _layout;
        private readonly List<FlashRegion> _regions = new();
        private readonly List<string> _notes = new();

        /// <summary>Plans against <paramref name="layout"/> (partitions.csv).</summary>
        public FlashPlanner(PartitionTable layout)
        {
            _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        }

        /// <summary>The target's chip id for app images (ESP32 = 0).</summary>
        public ushort ChipId { get; init; }

        /// <summary>The target's name for messages.</summary>
        public string ChipName { get; init; } = "ESP32";

        /// <summary>Where the target's ROM loads the second-stage bootloader from (ESP32: 0x1000).</summary>
        public uint BootloaderOffset { get; init; } = Esp32Target.BootloaderOffset;

        /// <summary>
        /// Adds a second-stage bootloader (e.g. one built with flash encryption enabled) at
        /// <see cref="BootloaderOffset"/>: it must be a good ESP image for the target that ends before the
        /// partition table.
        /// </summary>
        /// <exception cref="ImageContentException">A bad image, another chip's image, or too large to fit before the table.</exception>
        /// <example><code>planner.AddBootloader(File.ReadAllBytes("bootloader.bin"), "bootloader.bin");</code></example>
        public FlashPlanner AddBootloader(byte[] image, string source)
        {
            AppImage boot = AppImage.Parse(image, source, "bootloader image");
            uint tableOffset = _layout.Options.TableOffset;
            long room = (long)tableOffset - BootloaderOffset;
            if (image.Length > room)
            {
                throw new ImageContentException(
                    $"{source}: bootloader image is {image.Length} bytes; written at 0x{BootloaderOffset:X} it must end before the partition table at 0x{tableOffset:X} (at most 0x{Math.Max(0, room):X} bytes)");
            }

            boot.CheckFits(ChipId, ChipName, BootloaderRegion, (uint)room);
            return Add(new FlashRegion(BootloaderRegion, BootloaderOffset, image),
                $"{BootloaderRegion} @0x{BootloaderOffset:X}: {source}, {ChipName} bootloader, {boot.SegmentCount} segments, checksum ok" +
                (boot.HashAppended ? ", SHA-256 ok" : ""));
        }

        /// <summary>Adds a partition-table binary: its MD5 row must hold and its rows must equal partitions.csv's.</summary>
        /// <exception cref="PartitionTableException">Bad MD5 row, bad magic or a broken rule.</exception>
        /// <exception cref="ImageContentException">The binary describes another layout than partitions.csv.</exception>
        public FlashPlanner AddTable(byte[] table, string source)
        {
            var parsed = PartitionTable.FromBinary(table, source, _layout.Options);
            if (!parsed.HasMd5)
            {
                throw new ImageContentException($"{source}: partition table has no MD5 row, so its integrity cannot be checked");
            }

            if (!parsed.ToBinary().AsSpan().SequenceEqual(_layout.ToBinary()))
            {
                throw new ImageContentException($"{source}: partition table does not describe the layout in partitions.csv; rebuild it with `nanofleet partitions build`");
            }

            return Add(new FlashRegion(TableRegion, _layout.Options.TableOffset, table),
                $"{TableRegion} @0x{_layout.Options.TableOffset:X}: {source}, {parsed.Rows.Count} rows, MD5 row ok");
        }

        /// <summary>Adds a claim image: every TLV CRC must hold, and it must fit esp_secure_cert.</summary>
        /// <exception cref="ImageContentException">A bad CRC, a broken structure, no esp_secure_cert row, or too large.</exception>
        public FlashPlanner AddClaim(byte[] claim, string source)
        {
            PartitionRow row = Row(ClaimPartition, source);
            ClaimImageReport report = ClaimImageInspector.Inspect(claim);
            ClaimRecordInfo? bad = report.Records.FirstOrDefault(r => !r.CrcValid);
            if (bad is not null)
            {
                throw new ImageContentException($"{source}: claim image record type {bad.Type} at offset {bad.Offset} has a bad CRC");
            }

            if (!report.StructureValid || report.Records.Count == 0)
            {
                throw new ImageContentException($"{source}: not a valid esp_secure_cert image ({report.End}; {report.ClaimStatus})");
            }

            CheckSize(claim.Length, row, source);
            return Add(new FlashRegion(row.Name, row.Offset, claim),
                $"{row.Name} @0x{row.Offset:X}: {source}, {report.Records.Count} TLV records, CRCs ok");
        }

        /// <summary>Adds an app image at the app partition named or located by <paramref name="where"/> (a label or an offset).</summary>
        /// <exception cref="ImageContentException">A bad image, another chip's image, too large, or no app partition there.</exception>
        public FlashPlanner AddApp(string where, byte[] image, string source)
        {
            PartitionRow row = AppRow(where, source);
            AppImage app = AppImage.Parse(image, source);
            app.CheckFits(ChipId, ChipName, row.Name, row.Size);
            string what = app.ProjectName is null ? "app" : $"app '{app.ProjectName}' {app.Version}";
            return Add(new FlashRegion(row.Name, row.Offset, image),
                $"{row.Name} @0x{row.Offset:X}: {source}, {ChipName} {what}, {app.SegmentCount} segments, checksum ok" +
                (app.HashAppended ? ", SHA-256 ok" : ""));
        }

        /// <summary>The checked plan, in flash order.</summary>
        /// <exception cref="ImageContentException">Nothing to write, or two images for the same place.</exception>
        public FlashPlan Build()
        {
            if (_regions.Count == 0)
            {
                throw new ImageContentException("Nothing to flash: give a bootloader, a partition table, a claim image or an app image");
            }

            var ordered = _regions.OrderBy(r => r.Offset).ToList();
            for (int i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Offset < ordered[i - 1].End)
                {
                    throw new ImageContentException($"'{ordered[i - 1].Name}' and '{ordered[i].Name}' overlap at 0x{ordered[i].Offset:X}");
                }
            }

            return new FlashPlan(ordered, _notes.ToList(), _layout.Options.FlashSize ?? DefaultFlashSize);
        }

        private FlashPlanner Add(FlashRegion region, string note)
        {
            _regions.Add(region);
            _notes.Add(note);
            return this;
        }

        private PartitionRow Row(string label, string source) =>
            _layout.Find(label) ?? throw new ImageContentException($"{source}: partitions.csv has no '{label}' partition to put it in");

        private PartitionRow AppRow(string where, string source)
        {
            PartitionRow? row = _layout.Find(where);
            long offset = -1;
            if (row is null && PartitionNumber.TryParsePythonInt(where, out offset))
            {
                row = _layout.Rows.FirstOrDefault(r => r.Offset == offset);
            }

            if (row is null && offset == BootloaderOffset)
            {
                // What older docs told users to do for a custom bootloader; say where it goes instead.
                throw new ImageContentException(
                    $"{source}: 0x{BootloaderOffset:X} is the bootloader's offset, not an app partition; give the file as the bootloader (flash --bootloader)");
            }

            if (row is null)
            {
                throw new ImageContentException($"{source}: partitions.csv has no partition at '{where}'");
            }

            if (row.Type != PartitionKeywords.App)
            {
                throw new ImageContentException($"{source}: partition '{row.Name}' at 0x{row.Offset:X} is not an app partition");
            }

            return row;
        }

        private static void CheckSize(int length, PartitionRow row, string source)
        {
            if ((uint)length > row.Size)
            {
                throw new ImageContentException($"{source}: {length} bytes do not fit partition '{row.Name}' (0x{row.Size:X} bytes)");
            }
        }
    }
}
