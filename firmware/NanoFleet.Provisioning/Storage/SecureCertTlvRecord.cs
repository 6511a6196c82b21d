namespace NanoFleet.Provisioning.Storage
{
    /// <summary>
    /// Where one esp_secure_cert record sits in an image. Filled by <see cref="SecureCertTlvReader.Next"/>;
    /// holds offsets, never a copy of the data (the data may be a private key).
    /// </summary>
    public sealed class SecureCertTlvRecord
    {
        /// <summary>Offset of the record's header in the image.</summary>
        public int Offset { get; internal set; }

        /// <summary>The flags byte (0 for plaintext data).</summary>
        public byte Flags { get; internal set; }

        /// <summary>Record type (see <see cref="SecureCertTlv"/>).</summary>
        public byte Type { get; internal set; }

        /// <summary>Record subtype (an index for several records of one type).</summary>
        public byte Subtype { get; internal set; }

        /// <summary>Offset of the first data byte in the image.</summary>
        public int DataOffset { get; internal set; }

        /// <summary>Data length in bytes.</summary>
        public int Length { get; internal set; }

        /// <summary>Bytes the whole record occupies (header, data, padding, CRC).</summary>
        public int TotalLength => SecureCertTlv.RecordSize(Length);

        /// <summary>The CRC stored in the footer.</summary>
        public uint StoredCrc { get; internal set; }

        /// <summary>The CRC computed over header, data and padding.</summary>
        public uint ComputedCrc { get; internal set; }

        /// <summary>True when the stored and computed CRCs agree.</summary>
        public bool CrcValid => StoredCrc == ComputedCrc;
    }
}
