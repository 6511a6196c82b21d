using System.Collections.Generic;

namespace NanoFleet.Station.Claim
{
    /// <summary>What <see cref="ClaimImageInspector"/> found in an esp_secure_cert image.</summary>
    public sealed class ClaimImageReport
    {
        internal ClaimImageReport(IReadOnlyList<ClaimRecordInfo> records, string end, bool structureValid, string claimStatus)
        {
            Records = records;
            End = end;
            StructureValid = structureValid;
            ClaimStatus = claimStatus;
        }

        /// <summary>The records in image order.</summary>
        public IReadOnlyList<ClaimRecordInfo> Records { get; }

        /// <summary>How the record list ended (end marker, erased flash, truncation…).</summary>
        public string End { get; }

        /// <summary>True when every record's CRC matched, no record was truncated, and an integrity record (if any) matched.</summary>
        public bool StructureValid { get; }

        /// <summary>"ok" when the device's ClaimPartition reader accepts the image, otherwise its error.</summary>
        public string ClaimStatus { get; }
    }

    /// <summary>One record of a claim image, described without its secret bytes.</summary>
    public sealed class ClaimRecordInfo
    {
        internal ClaimRecordInfo(int offset, byte type, byte subtype, byte flags, int length, bool crcValid, IReadOnlyList<string> details)
        {
            Offset = offset;
            Type = type;
            Subtype = subtype;
            Flags = flags;
            Length = length;
            CrcValid = crcValid;
            Details = details;
        }

        /// <summary>Offset of the record header.</summary>
        public int Offset { get; }

        /// <summary>TLV type.</summary>
        public byte Type { get; }

        /// <summary>TLV subtype.</summary>
        public byte Subtype { get; }

        /// <summary>Flags byte.</summary>
        public byte Flags { get; }

        /// <summary>Data length.</summary>
        public int Length { get; }

        /// <summary>True when the stored CRC matches.</summary>
        public bool CrcValid { get; }

        /// <summary>Readable lines: certificate fingerprints and subjects, config entries, integrity result. Never key bytes.</summary>
        public IReadOnlyList<string> Details { get; }
    }
}
