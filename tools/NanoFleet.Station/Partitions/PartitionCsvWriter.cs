using System.Collections.Generic;
using System.Text;

namespace NanoFleet.Station.Partitions
{
    /// <summary>
    /// Prints a table as gen_esp32part.py's <c>to_csv()</c> does, so <c>partitions show</c> output can be
    /// diffed against <c>gen_esp32part.py table.bin</c>: two header comments, then
    /// <c>name,type,subtype,0xoffset,size,flags</c> with names where known, decimal numbers otherwise,
    /// and sizes as M or K when they divide evenly.
    /// </summary>
    internal static class PartitionCsvWriter
    {
        public static string Write(IEnumerable<PartitionRow> rows)
        {
            var text = new StringBuilder();
            text.Append("# ESP-IDF Partition Table\n");
            text.Append("# Name, Type, SubType, Offset, Size, Flags\n");
            foreach (var row in rows) text.Append(FormatRow(row)).Append('\n');
            return text.ToString();
        }

        public static string FormatRow(PartitionRow row)
        {
            string type = PartitionKeywords.NameOf(PartitionKeywords.Types, row.Type);
            string subType = PartitionKeywords.NameOf(PartitionKeywords.SubtypesOf(row.Type), row.SubType);
            var flags = new List<string>();
            if (row.IsEncrypted) flags.Add("encrypted");
            if (row.IsReadOnly) flags.Add("readonly");
            return string.Join(",", row.Name, type, subType, $"0x{row.Offset:x}", FormatSize(row.Size), string.Join(":", flags));
        }

        private static string FormatSize(uint size)
        {
            if (size % 0x100000 == 0) return $"{size / 0x100000}M";
            if (size % 0x400 == 0) return $"{size / 0x400}K";
            return $"0x{size:x}";
        }
    }
}
