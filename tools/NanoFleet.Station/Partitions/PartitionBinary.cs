using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace NanoFleet.Station.Partitions
{
    /// <summary>
    /// The on-flash form (gen_esp32part.py <c>to_binary</c>/<c>from_binary</c>): 32-byte entries packed
    /// as <c>struct '&lt;2sBBLL16sL'</c> (magic AA 50, type, subtype, offset, size, NUL-padded name,
    /// flags), then the MD5 row <c>EB EB</c> + 14×FF + MD5(entries), then FF up to 0xC00 bytes.
    /// </summary>
    internal static class PartitionBinary
    {
        private static readonly byte[] EntryMagic = { 0xAA, 0x50 };
        private static readonly byte[] Md5Magic = { 0xEB, 0xEB };

        public static byte[] Write(IReadOnlyList<PartitionRow> rows, bool md5)
        {
            var table = new byte[PartitionTable.MaxLength];
            table.AsSpan().Fill(0xFF);
            int at = 0;
            foreach (var row in rows)
            {
                WriteEntry(row, table.AsSpan(at, PartitionTable.EntrySize));
                at += PartitionTable.EntrySize;
            }

            if (md5)
            {
                var row = table.AsSpan(at, PartitionTable.EntrySize);
                Md5Magic.CopyTo(row);
                row.Slice(2, 14).Fill(0xFF);
                MD5.HashData(table.AsSpan(0, at), row.Slice(16));
            }

            return table;
        }

        private static void WriteEntry(PartitionRow row, Span<byte> entry)
        {
            EntryMagic.CopyTo(entry);
            entry[2] = row.Type;
            entry[3] = row.SubType;
            BinaryPrimitives.WriteUInt32LittleEndian(entry.Slice(4), row.Offset);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.Slice(8), row.Size);
            var name = entry.Slice(12, 16);
            name.Clear();
            byte[] nameBytes = Encoding.UTF8.GetBytes(row.Name);
            nameBytes.AsSpan(0, Math.Min(nameBytes.Length, 16)).CopyTo(name); // struct '16s' truncates; the CSV reader keeps names ≤ 15 bytes
            BinaryPrimitives.WriteUInt32LittleEndian(entry.Slice(28), (uint)row.Flags);
        }

        /// <summary>Reads entries up to the 32×FF end marker, checking the MD5 row when there is one.</summary>
        public static List<PartitionRow> Read(byte[] data, string fileName, out bool hadMd5)
        {
            hadMd5 = false;
            var rows = new List<PartitionRow>();
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            for (int at = 0; at < data.Length; at += PartitionTable.EntrySize)
            {
                int entryNo = at / PartitionTable.EntrySize + 1;
                if (data.Length - at < PartitionTable.EntrySize)
                {
                    throw new PartitionTableException(fileName, entryNo, 0, $"the table is {data.Length} bytes, not a multiple of 32");
                }

                var entry = data.AsSpan(at, PartitionTable.EntrySize);
                if (entry.IndexOfAnyExcept((byte)0xFF) < 0) return rows; // end marker
                if (entry[0] == Md5Magic[0] && entry[1] == Md5Magic[1])
                {
                    byte[] computed = md5.GetCurrentHash();
                    if (!entry.Slice(16).SequenceEqual(computed))
                    {
                        throw new PartitionTableException(fileName, entryNo, 0,
                            $"MD5 checksums don't match: computed {Convert.ToHexStringLower(computed)}, stored {Convert.ToHexStringLower(entry.Slice(16))}; the table is damaged",
                            isChecksumMismatch: true);
                    }

                    hadMd5 = true;
                    continue;
                }

                md5.AppendData(entry);
                rows.Add(ReadEntry(entry, fileName, entryNo));
            }

            throw new PartitionTableException(fileName, 0, 0, "the table has no end marker (a 32-byte row of FF)");
        }

        private static PartitionRow ReadEntry(ReadOnlySpan<byte> entry, string fileName, int entryNo)
        {
            if (entry[0] != EntryMagic[0] || entry[1] != EntryMagic[1])
            {
                throw new PartitionTableException(fileName, entryNo, 0, $"bad magic {entry[0]:X2} {entry[1]:X2} (expected AA 50): not a partition entry");
            }

            var nameField = entry.Slice(12, 16);
            int nul = nameField.IndexOf((byte)0);
            string name;
            try
            {
                name = new UTF8Encoding(false, true).GetString(nul < 0 ? nameField : nameField.Slice(0, nul));
            }
            catch (DecoderFallbackException)
            {
                throw new PartitionTableException(fileName, entryNo, 0, "the name is not valid UTF-8");
            }

            uint offset = BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(4));
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(8));
            var flags = (PartitionFlags)BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(28));
            return new PartitionRow(name, entry[2], entry[3], offset, size, flags) { Source = new RowSource(entryNo, new int[6]) };
        }
    }
}
