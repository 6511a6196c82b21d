using System;
using System.Collections.Generic;
using System.IO;

namespace NanoFleet.Station.Partitions
{
    /// <summary>
    /// An ESP32 partition table, byte-compatible with ESP-IDF's gen_esp32part.py (v1.5): parse
    /// partitions.csv, verify it by the script's rules, write the 0xC00-byte binary with its MD5
    /// row, read a binary back (checking the MD5) and print it as the script's CSV.
    /// </summary>
    /// <example>
    /// <code>
    /// var table = PartitionTable.Load("partitions.csv");
    /// File.WriteAllBytes("table.bin", table.ToBinary());
    /// PartitionRow claim = table.Find("esp_secure_cert")!;   // 0xD000, 0x2000, encrypted
    /// </code>
    /// </example>
    public sealed class PartitionTable
    {
        /// <summary>Flash sector size, and the size the table occupies at its offset.</summary>
        public const int SectorSize = 0x1000;

        /// <summary>Bytes of one entry.</summary>
        public const int EntrySize = 32;

        /// <summary>Size of the binary table (MAX_PARTITION_LENGTH); the last 1 KB of the sector is for a signature.</summary>
        public const int MaxLength = 0xC00;

        private readonly List<PartitionRow> _rows;

        private PartitionTable(List<PartitionRow> rows, PartitionTableOptions options, bool hasMd5)
        {
            _rows = rows;
            Options = options;
            HasMd5 = hasMd5;
        }

        /// <summary>The rows in table order.</summary>
        public IReadOnlyList<PartitionRow> Rows => _rows;

        /// <summary>The options the table was built or read with.</summary>
        public PartitionTableOptions Options { get; }

        /// <summary>True when the binary carries (or will carry) the MD5 row.</summary>
        public bool HasMd5 { get; }

        /// <summary>Parses and verifies partitions.csv text.</summary>
        /// <param name="text">The CSV contents.</param>
        /// <param name="fileName">The name used in error messages, e.g. "partitions.csv".</param>
        /// <param name="options">gen_esp32part.py settings; null means the ESP32 defaults.</param>
        /// <exception cref="PartitionTableException">Any rule is broken; the message names line and column.</exception>
        public static PartitionTable ParseCsv(string text, string fileName, PartitionTableOptions? options = null)
        {
            options ??= PartitionTableOptions.Esp32;
            var rows = PartitionCsvReader.Read(text, fileName, options);
            PartitionTableVerifier.Verify(rows, fileName, options);
            return new PartitionTable(rows, options, options.Md5);
        }

        /// <summary>Reads and parses a CSV file; errors name the path as given.</summary>
        /// <exception cref="PartitionTableException">Any rule is broken.</exception>
        /// <exception cref="FileNotFoundException">No such file.</exception>
        public static PartitionTable Load(string path, PartitionTableOptions? options = null) =>
            ParseCsv(File.ReadAllText(path), path, options);

        /// <summary>
        /// Reads a binary table (0xC00 bytes, or the whole 0x1000 sector), checks the MD5 row when
        /// present and verifies the rows as gen_esp32part.py does for binary input.
        /// </summary>
        /// <exception cref="PartitionTableException">Bad magic, no end marker, bad MD5 (<see cref="PartitionTableException.IsChecksumMismatch"/>), or a broken rule.</exception>
        public static PartitionTable FromBinary(byte[] data, string fileName = "table.bin", PartitionTableOptions? options = null)
        {
            options ??= PartitionTableOptions.Esp32;
            var rows = PartitionBinary.Read(data, fileName, out bool hadMd5);
            PartitionTableVerifier.Verify(rows, fileName, options);
            return new PartitionTable(rows, options, hadMd5);
        }

        /// <summary>The 0xC00-byte binary, identical to gen_esp32part.py's output.</summary>
        public byte[] ToBinary() => PartitionBinary.Write(_rows, HasMd5);

        /// <summary>The table as gen_esp32part.py prints a binary: header comments and one line per row.</summary>
        public string ToCsv() => PartitionCsvWriter.Write(_rows);

        /// <summary>The row labelled <paramref name="label"/>, or null.</summary>
        public PartitionRow? Find(string label)
        {
            foreach (var row in _rows)
            {
                if (row.Name == label) return row;
            }

            return null;
        }

        /// <summary>The row labelled <paramref name="label"/>.</summary>
        /// <exception cref="InvalidOperationException">The table has no such row.</exception>
        public PartitionRow Get(string label) =>
            Find(label) ?? throw new InvalidOperationException($"The partition table has no '{label}' partition.");

        /// <summary>Offset alignment by type (gen_esp32part.py ALIGNMENT): apps 0x10000, everything else 0x1000.</summary>
        public static uint OffsetAlignment(byte type) => type == PartitionKeywords.App ? 0x10000u : 0x1000u;
    }
}
