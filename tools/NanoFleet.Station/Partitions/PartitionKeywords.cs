using System.Collections.Generic;

namespace NanoFleet.Station.Partitions
{
    /// <summary>
    /// Type and subtype names exactly as gen_esp32part.py v1.5 knows them (<c>TYPES</c> and
    /// <c>SUBTYPES</c>), in its dictionary order: when a binary table is printed as CSV, the first
    /// name whose value matches wins, as in its <c>lookup_keyword</c>.
    /// </summary>
    internal static class PartitionKeywords
    {
        public const byte App = 0x00;
        public const byte Data = 0x01;
        public const byte Bootloader = 0x02;
        public const byte PartitionTable = 0x03;

        public const byte DataOta = 0x00;
        public const byte DataCoredump = 0x03;
        public const byte DataNvs = 0x02;
        public const byte DataTeeOta = 0x90;
        public const byte Primary = 0x00;
        public const byte BootloaderRecovery = 0x02;

        public static readonly IReadOnlyList<KeyValuePair<string, int>> Types = new[]
        {
            Pair("bootloader", Bootloader),
            Pair("partition_table", PartitionTable),
            Pair("app", App),
            Pair("data", Data),
        };

        private static readonly IReadOnlyList<KeyValuePair<string, int>> BootloaderSubtypes = new[]
        {
            Pair("primary", 0x00), Pair("ota", 0x01), Pair("recovery", 0x02),
        };

        private static readonly IReadOnlyList<KeyValuePair<string, int>> PartitionTableSubtypes = new[]
        {
            Pair("primary", 0x00), Pair("ota", 0x01),
        };

        private static readonly IReadOnlyList<KeyValuePair<string, int>> AppSubtypes = BuildAppSubtypes();

        private static readonly IReadOnlyList<KeyValuePair<string, int>> DataSubtypes = new[]
        {
            Pair("ota", 0x00), Pair("phy", 0x01), Pair("nvs", 0x02), Pair("coredump", 0x03),
            Pair("nvs_keys", 0x04), Pair("efuse", 0x05), Pair("undefined", 0x06), Pair("esphttpd", 0x80),
            Pair("fat", 0x81), Pair("spiffs", 0x82), Pair("littlefs", 0x83), Pair("tee_ota", 0x90),
        };

        private static readonly IReadOnlyList<KeyValuePair<string, int>> NoSubtypes = new KeyValuePair<string, int>[0];

        /// <summary>Subtype names for <paramref name="type"/> (none for custom types).</summary>
        public static IReadOnlyList<KeyValuePair<string, int>> SubtypesOf(long type) => type switch
        {
            Bootloader => BootloaderSubtypes,
            PartitionTable => PartitionTableSubtypes,
            App => AppSubtypes,
            Data => DataSubtypes,
            _ => NoSubtypes,
        };

        /// <summary>Looks a name up case-insensitively (gen_esp32part.py lower-cases the field).</summary>
        public static bool TryFind(IReadOnlyList<KeyValuePair<string, int>> keywords, string name, out int value)
        {
            string lower = name.ToLowerInvariant();
            foreach (var pair in keywords)
            {
                if (pair.Key == lower)
                {
                    value = pair.Value;
                    return true;
                }
            }

            value = 0;
            return false;
        }

        /// <summary>The first name for <paramref name="value"/>, or its decimal form (<c>'%d' % t</c>).</summary>
        public static string NameOf(IReadOnlyList<KeyValuePair<string, int>> keywords, int value)
        {
            foreach (var pair in keywords)
            {
                if (pair.Value == value) return pair.Key;
            }

            return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>"app", "data", "bootloader", "partition_table" or "type 0x3F", for messages.</summary>
        public static string Describe(byte type) => type switch
        {
            App => "an app",
            Data => "a data",
            Bootloader => "a bootloader",
            PartitionTable => "a partition_table",
            _ => $"a type 0x{type:X2}",
        };

        private static IReadOnlyList<KeyValuePair<string, int>> BuildAppSubtypes()
        {
            var list = new List<KeyValuePair<string, int>> { Pair("factory", 0x00), Pair("test", 0x20) };
            for (int slot = 0; slot < 16; slot++) list.Add(Pair("ota_" + slot, 0x10 + slot));
            for (int slot = 0; slot < 2; slot++) list.Add(Pair("tee_" + slot, 0x30 + slot));
            return list;
        }

        private static KeyValuePair<string, int> Pair(string name, int value) => new(name, value);
    }
}
