using System.Collections.Generic;
using System.Linq;

namespace NanoFleet.Station.Partitions
{
    /// <summary>
    /// gen_esp32part.py's <c>verify()</c> rules, in its order (each row, then names, overlaps, otadata,
    /// flash size), plus two NanoFleet rules it lacks: a read-only NVS still needs one 0x1000 page.
    /// </summary>
    internal static class PartitionTableVerifier
    {
        private const uint NvsReadWriteMinimum = 0x3000;
        private const uint NvsPage = 0x1000;
        private const int TypeField = 1, OffsetField = 3, SizeField = 4, FlagsField = 5, NameField = 0;

        public static void Verify(IReadOnlyList<PartitionRow> rows, string fileName, PartitionTableOptions options)
        {
            foreach (var row in rows) VerifyRow(row, fileName, options);
            VerifyUniqueNames(rows, fileName);
            VerifyNoOverlap(rows, fileName, options);
            VerifySingleOtaData(rows, fileName, PartitionKeywords.DataOta, "otadata (data, ota)");
            VerifySingleOtaData(rows, fileName, PartitionKeywords.DataTeeOta, "TEE otadata (data, tee_ota)");
            VerifyFitsFlash(rows, fileName, options);
            VerifyLength(rows.Count, fileName, options);
        }

        /// <summary>The binary (entries plus MD5 row) must stay under 0xC00 bytes, as in <c>to_binary</c>.</summary>
        public static void VerifyLength(int rowCount, string fileName, PartitionTableOptions options)
        {
            int length = rowCount * PartitionTable.EntrySize + (options.Md5 ? PartitionTable.EntrySize : 0);
            if (length >= PartitionTable.MaxLength)
            {
                throw new PartitionTableException(fileName, 0, 0,
                    $"{rowCount} partitions make a {length}-byte table; it must stay under {PartitionTable.MaxLength} bytes (0xC00) including the MD5 row");
            }
        }

        private static PartitionTableException Error(string fileName, PartitionRow row, int field, string reason) =>
            new(fileName, row.Source.Line, row.Source.Column(field), reason);

        private static void VerifyRow(PartitionRow row, string fileName, PartitionTableOptions options)
        {
            string kind = PartitionKeywords.Describe(row.Type);
            uint offsetAlign = PartitionTable.OffsetAlignment(row.Type);
            if (row.Offset % offsetAlign != 0)
            {
                throw Error(fileName, row, OffsetField, $"offset 0x{row.Offset:x} is not 0x{offsetAlign:x}-aligned for {kind} partition");
            }

            if (row.Type == PartitionKeywords.App)
            {
                uint sizeAlign = options.Secure == SecureBootScheme.V1 ? 0x10000u : 0x1000u;
                if (row.Size % sizeAlign != 0)
                {
                    throw Error(fileName, row, SizeField, $"size 0x{row.Size:x} is not 0x{sizeAlign:x}-aligned for an app partition");
                }
            }

            bool isData = row.Type == PartitionKeywords.Data;
            if (isData && row.IsReadOnly && (row.SubType == PartitionKeywords.DataOta || row.SubType == PartitionKeywords.DataCoredump))
            {
                throw Error(fileName, row, FlagsField, $"'{row.Name}' (data, {PartitionKeywords.NameOf(PartitionKeywords.SubtypesOf(row.Type), row.SubType)}) is always read-write and cannot be readonly");
            }

            if (isData && row.SubType == PartitionKeywords.DataNvs)
            {
                if (row.Size < NvsReadWriteMinimum && !row.IsReadOnly)
                {
                    throw Error(fileName, row, SizeField,
                        $"nvs partition '{row.Name}' has 0x{row.Size:x} bytes; a read/write NVS needs at least 0x{NvsReadWriteMinimum:x} (flag it readonly or make it larger)");
                }

                if (row.Size < NvsPage)
                {
                    throw Error(fileName, row, SizeField, $"nvs partition '{row.Name}' has 0x{row.Size:x} bytes; NVS needs at least one 0x1000-byte page");
                }
            }
        }

        private static void VerifyUniqueNames(IReadOnlyList<PartitionRow> rows, string fileName)
        {
            var seen = new Dictionary<string, PartitionRow>();
            foreach (var row in rows)
            {
                if (seen.TryGetValue(row.Name, out var first))
                {
                    string where = first.Source.Line > 0 ? $" (first used on line {first.Source.Line})" : "";
                    throw Error(fileName, row, NameField, $"partition name '{row.Name}' is used twice{where}; names must be unique");
                }

                seen.Add(row.Name, row);
            }
        }

        private static void VerifyNoOverlap(IReadOnlyList<PartitionRow> rows, string fileName, PartitionTableOptions options)
        {
            long tableEnd = (long)options.TableOffset + PartitionTable.SectorSize;
            PartitionRow? last = null;
            foreach (var row in rows.OrderBy(r => r.Offset)) // stable, like Python's sorted()
            {
                if (row.Offset < tableEnd && !PartitionCsvReader.IsPrimaryBootloaderOrTable(row.Type, row.SubType))
                {
                    throw Error(fileName, row, OffsetField, $"offset 0x{row.Offset:x} is below 0x{tableEnd:x}, the end of the partition table sector");
                }

                if (last is not null && row.Offset < (long)last.Offset + last.Size)
                {
                    throw Error(fileName, row, OffsetField,
                        $"'{row.Name}' at 0x{row.Offset:x} overlaps '{last.Name}' at 0x{last.Offset:x}-0x{(long)last.Offset + last.Size - 1:x}");
                }

                last = row;
            }
        }

        private static void VerifySingleOtaData(IReadOnlyList<PartitionRow> rows, string fileName, byte subType, string what)
        {
            var matches = rows.Where(r => r.Type == PartitionKeywords.Data && r.SubType == subType).ToList();
            if (matches.Count > 1)
            {
                throw Error(fileName, matches[1], TypeField, $"a second {what} partition; only one is allowed (the first is '{matches[0].Name}')");
            }

            if (matches.Count == 1 && matches[0].Size != 0x2000)
            {
                throw Error(fileName, matches[0], SizeField, $"the {what} partition must be exactly 0x2000 bytes, not 0x{matches[0].Size:x}");
            }
        }

        private static void VerifyFitsFlash(IReadOnlyList<PartitionRow> rows, string fileName, PartitionTableOptions options)
        {
            if (options.FlashSize is not uint flash || rows.Count == 0) return;
            // flash_size(): the end of the partition with the highest offset.
            var top = rows.OrderByDescending(r => r.Offset).First();
            long end = (long)top.Offset + top.Size;
            if (end > flash)
            {
                throw Error(fileName, top, SizeField, $"'{top.Name}' ends at 0x{end:x}, past the end of the {flash / (1024 * 1024)}MB flash (0x{flash:x})");
            }
        }
    }
}
