using System;

namespace NanoFleet.Station.Partitions
{
    /// <summary>
    /// A partition table (CSV or binary) that gen_esp32part.py would refuse, or that NanoFleet refuses
    /// on purpose. The message names the file, line and column, compiler-style:
    /// <c>partitions.csv:7:28: offset 0x9100 is not 0x1000-aligned for a data partition</c>. For a
    /// binary table <see cref="Line"/> is the 1-based entry number and <see cref="Column"/> is 0.
    /// </summary>
    /// <remarks>Derives from <see cref="FormatException"/> so the CLI maps it to "bad input" without a stack trace.</remarks>
    public sealed class PartitionTableException : FormatException
    {
        /// <summary>Creates the error.</summary>
        /// <param name="fileName">File the table came from, as the user named it.</param>
        /// <param name="line">1-based line (CSV) or entry number (binary); 0 when the table as a whole is wrong.</param>
        /// <param name="column">1-based column of the offending field; 0 when not applicable.</param>
        /// <param name="reason">What is wrong, without the location prefix.</param>
        /// <param name="isChecksumMismatch">True when a binary table's MD5 row does not match its entries.</param>
        public PartitionTableException(string fileName, int line, int column, string reason, bool isChecksumMismatch = false)
            : base(Format(fileName, line, column, reason))
        {
            FileName = fileName;
            Line = line;
            Column = column;
            Reason = reason;
            IsChecksumMismatch = isChecksumMismatch;
        }

        /// <summary>The file name used in the message.</summary>
        public string FileName { get; }

        /// <summary>1-based CSV line or binary entry number; 0 for whole-table errors.</summary>
        public int Line { get; }

        /// <summary>1-based CSV column; 0 for binary tables and whole-table errors.</summary>
        public int Column { get; }

        /// <summary>The reason without the location prefix.</summary>
        public string Reason { get; }

        /// <summary>True when a binary table's MD5 row does not match its entries (the table is damaged, not malformed).</summary>
        public bool IsChecksumMismatch { get; }

        private static string Format(string fileName, int line, int column, string reason)
        {
            if (line <= 0) return $"{fileName}: {reason}";
            if (column <= 0) return $"{fileName}: entry {line}: {reason}";
            return $"{fileName}:{line}:{column}: {reason}";
        }
    }
}
