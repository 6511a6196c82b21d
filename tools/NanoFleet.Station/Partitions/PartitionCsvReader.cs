using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace NanoFleet.Station.Partitions
{
    /// <summary>
    /// Reads partitions.csv the way gen_esp32part.py's <c>PartitionTable.from_csv</c> does: blank and
    /// <c>#</c> lines skipped, <c>$VAR</c> expanded, six comma-separated fields per row (missing ones
    /// empty), then automatic offsets and negative sizes resolved in row order. Every error names the
    /// line and the column of the field at fault.
    /// </summary>
    internal static class PartitionCsvReader
    {
        private const int NameField = 0, TypeField = 1, SubTypeField = 2, OffsetField = 3, SizeField = 4, FlagsField = 5;
        private static readonly Regex VariablePattern = new(@"\$(?:([A-Za-z0-9_]+)|\{([^}]*)\})", RegexOptions.CultureInvariant);

        /// <summary>Parses and resolves the rows (not yet verified).</summary>
        public static List<PartitionRow> Read(string text, string fileName, PartitionTableOptions options)
        {
            if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1); // gen_esp32part.py decodes utf-8-sig
            var pending = new List<PendingRow>();
            string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = ExpandVariables(lines[i], fileName, i + 1, options);
                string stripped = line.Trim();
                if (stripped.Length == 0 || stripped.StartsWith('#')) continue;
                pending.Add(ParseRow(line, fileName, i + 1, options));
            }

            return Resolve(pending, fileName, options);
        }

        private static string ExpandVariables(string line, string fileName, int lineNo, PartitionTableOptions options)
        {
            if (line.IndexOf('$') < 0) return line;
            var result = new StringBuilder();
            int last = 0;
            foreach (Match m in VariablePattern.Matches(line))
            {
                string name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
                string? value = options.Variables(name);
                if (value is null)
                {
                    throw new PartitionTableException(fileName, lineNo, m.Index + 1, $"unknown variable '{name}' (gen_esp32part.py expands environment variables)");
                }

                result.Append(line, last, m.Index - last).Append(value);
                last = m.Index + m.Length;
            }

            return result.Append(line, last, line.Length - last).ToString();
        }

        private static PendingRow ParseRow(string line, string fileName, int lineNo, PartitionTableOptions options)
        {
            var (fields, columns) = SplitFields(line);
            var source = new RowSource(lineNo, columns);
            PartitionTableException Error(int field, string reason) => new(fileName, lineNo, source.Column(field), reason);

            var row = new PendingRow { Name = fields[NameField], Source = source };
            int nameBytes = Encoding.UTF8.GetByteCount(row.Name);
            if (nameBytes == 0) throw Error(NameField, "the partition name is empty");
            if (nameBytes > 15)
            {
                throw Error(NameField, $"name '{row.Name}' is {nameBytes} bytes; a partition name is at most 15 (the 16-byte label field keeps its NUL)");
            }

            row.Type = ParseType(fields[TypeField], e => Error(TypeField, e));
            row.SubType = ParseSubType(fields[SubTypeField], row.Type, e => Error(SubTypeField, e));
            row.Offset = ParseOffset(fields[OffsetField], row, options, e => Error(OffsetField, e));
            row.Size = ParseSize(fields[SizeField], row.Type, options, e => Error(SizeField, e));
            row.Flags = ParseFlags(fields[FlagsField], e => Error(FlagsField, e));
            return row;
        }

        /// <summary>Splits on commas; each field trimmed, with the 1-based column where its text starts.</summary>
        private static (string[] Fields, int[] Columns) SplitFields(string line)
        {
            var fields = new string[6];
            var columns = new int[6];
            int start = 0;
            for (int f = 0; f < 6; f++)
            {
                if (start > line.Length)
                {
                    fields[f] = "";
                    columns[f] = line.Length + 1;
                    continue;
                }

                int comma = line.IndexOf(',', start);
                int end = comma < 0 ? line.Length : comma;
                string raw = line.Substring(start, end - start);
                int lead = 0;
                while (lead < raw.Length && char.IsWhiteSpace(raw[lead])) lead++;
                fields[f] = raw.Trim();
                columns[f] = start + lead + 1;
                start = comma < 0 ? line.Length + 1 : comma + 1;
            }

            return (fields, columns);
        }

        private static byte ParseType(string text, System.Func<string, PartitionTableException> error)
        {
            if (text.Length == 0) throw error("the type field can't be left empty");
            var result = PartitionNumber.Parse(text, PartitionKeywords.Types, out long value);
            if (result != PartitionNumber.Result.Ok)
            {
                throw error($"type '{text}' is not valid; use app, data, bootloader, partition_table or a number such as 0x3F");
            }

            if (value < 0 || value > 0xFE) throw error($"type {text} is out of range (0x00-0xFE)");
            return (byte)value;
        }

        private static byte ParseSubType(string text, byte type, System.Func<string, PartitionTableException> error)
        {
            if (text.Length == 0)
            {
                if (type == PartitionKeywords.App) throw error("an app partition cannot have an empty subtype");
                return 0x06; // SUBTYPES[DATA_TYPE]['undefined'], for data and custom types alike
            }

            var keywords = PartitionKeywords.SubtypesOf(type);
            var result = PartitionNumber.Parse(text, keywords, out long value);
            if (result == PartitionNumber.Result.NotANumber)
            {
                throw error($"subtype '{text}' is not a number, and type 0x{type:X2} has no named subtypes");
            }

            if (result == PartitionNumber.Result.UnknownKeyword)
            {
                var names = new List<string>();
                foreach (var k in keywords) names.Add(k.Key);
                throw error($"subtype '{text}' is not valid for {PartitionKeywords.Describe(type)} partition; known subtypes: {string.Join(", ", names)}");
            }

            if (value < 0 || value > 0xFE) throw error($"subtype {text} is out of range (0x00-0xFE)");
            return (byte)value;
        }

        private static long? ParseOffset(string text, PendingRow row, PartitionTableOptions options, System.Func<string, PartitionTableException> error)
        {
            // The bootloader and the primary table are placed by the build settings; the field is ignored ("N/A" is fine).
            if (row.Type == PartitionKeywords.Bootloader && row.SubType == PartitionKeywords.Primary)
            {
                return options.PrimaryBootloaderOffset ?? throw error("a primary bootloader row needs the primary bootloader offset, which is not set");
            }

            if (row.Type == PartitionKeywords.Bootloader && row.SubType == PartitionKeywords.BootloaderRecovery)
            {
                return options.RecoveryBootloaderOffset ?? throw error("a recovery bootloader row needs the recovery bootloader offset, which is not set");
            }

            if (row.Type == PartitionKeywords.PartitionTable && row.SubType == PartitionKeywords.Primary) return options.TableOffset;
            if (text.Length == 0) return null;
            long value = ParseAddress(text, "offset", error);
            if (value < 0) throw error($"offset {text} is negative");
            return value;
        }

        private static long ParseSize(string text, byte type, PartitionTableOptions options, System.Func<string, PartitionTableException> error)
        {
            if (type == PartitionKeywords.Bootloader)
            {
                if (options.PrimaryBootloaderOffset is not uint bootloader) throw error("a bootloader row needs the primary bootloader offset, which is not set");
                return options.TableOffset - (long)bootloader;
            }

            if (type == PartitionKeywords.PartitionTable) return PartitionTable.SectorSize;
            if (text.Length == 0) throw error("the size field can't be empty");
            return ParseAddress(text, "size", error);
        }

        private static long ParseAddress(string text, string what, System.Func<string, PartitionTableException> error)
        {
            var noKeywords = new KeyValuePair<string, int>[0];
            if (PartitionNumber.Parse(text, noKeywords, out long value) != PartitionNumber.Result.Ok)
            {
                throw error($"{what} '{text}' is not a number (write 0x9000, 36864, 24K or 1M)");
            }

            if (value > uint.MaxValue || value < -(long)uint.MaxValue) throw error($"{what} {text} does not fit 32 bits");
            return value;
        }

        private static PartitionFlags ParseFlags(string text, System.Func<string, PartitionTableException> error)
        {
            var flags = PartitionFlags.None;
            foreach (string flag in text.Split(':'))
            {
                // Exact, case-sensitive names, as gen_esp32part.py's FLAGS dictionary lookup.
                if (flag == "encrypted") flags |= PartitionFlags.Encrypted;
                else if (flag == "readonly") flags |= PartitionFlags.ReadOnly;
                else if (flag.Length > 0) throw error($"unknown flag '{flag}'; known flags: encrypted, readonly (separate several with ':')");
            }

            return flags;
        }

        /// <summary>gen_esp32part.py's "fix up missing offsets &amp; negative sizes" pass.</summary>
        private static List<PartitionRow> Resolve(List<PendingRow> pending, string fileName, PartitionTableOptions options)
        {
            long lastEnd = options.TableOffset + PartitionTable.SectorSize;
            var rows = new List<PartitionRow>();
            for (int i = 0; i < pending.Count; i++)
            {
                var e = pending[i];
                PartitionTableException Error(int field, string reason) => new(fileName, e.Source.Line, e.Source.Column(field), reason);
                bool placedByBuild = IsPrimaryBootloaderOrTable(e.Type, e.SubType);
                if (!placedByBuild)
                {
                    if (e.Offset is long fixedOffset && fixedOffset < lastEnd)
                    {
                        throw Error(OffsetField, i == 0
                            ? $"offset 0x{fixedOffset:x} overlaps the partition table at 0x{options.TableOffset:x}, which fills its whole sector; use 0x{lastEnd:x} or higher"
                            : $"offset 0x{fixedOffset:x} is below the end of the previous partition (0x{lastEnd:x}); rows must come in offset order and must not overlap");
                    }

                    if (e.Offset is null)
                    {
                        long align = PartitionTable.OffsetAlignment(e.Type);
                        if (lastEnd % align != 0) lastEnd += align - (lastEnd % align);
                        e.Offset = lastEnd;
                    }
                }

                long offset = e.Offset!.Value;
                if (e.Size < 0)
                {
                    long end = -e.Size;
                    e.Size = end - offset;
                    if (e.Size <= 0) throw Error(SizeField, $"size -0x{end:x} means \"end at 0x{end:x}\", which is not after the offset 0x{offset:x}");
                }

                if (e.Size == 0) throw Error(SizeField, "size is 0");
                if (offset + e.Size > 0x1_0000_0000L) throw Error(SizeField, $"0x{offset:x} + 0x{e.Size:x} runs past the 4 GB address space");
                if (!placedByBuild) lastEnd = offset + e.Size;
                rows.Add(new PartitionRow(e.Name, e.Type, e.SubType, (uint)offset, (uint)e.Size, e.Flags) { Source = e.Source });
            }

            return rows;
        }

        internal static bool IsPrimaryBootloaderOrTable(byte type, byte subType) =>
            (type == PartitionKeywords.Bootloader || type == PartitionKeywords.PartitionTable) && subType == PartitionKeywords.Primary;

        private sealed class PendingRow
        {
            public string Name = "";
            public byte Type;
            public byte SubType;
            public long? Offset;
            public long Size;
            public PartitionFlags Flags;
            public RowSource Source = RowSource.None;
        }
    }
}
