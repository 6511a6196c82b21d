namespace NanoFleet.Provisioning.Storage
{
    /// <summary>
    /// Walks the records of an esp_secure_cert image held in a caller-owned buffer, forward only, as
    /// esp_secure_cert_find_tlv does: from offset 0, each record's length (header + data + padding +
    /// CRC) leads to the next, and a word that is not the magic ends the list.
    /// </summary>
    /// <example>
    /// <code>
    /// var reader = new SecureCertTlvReader(image, 0, image.Length);
    /// var record = new SecureCertTlvRecord();
    /// string error;
    /// while (reader.Next(record, out error) == TlvStatus.Success) { /* record.Type, record.DataOffset … */ }
    /// </code>
    /// </example>
    public sealed class SecureCertTlvReader
    {
        private readonly byte[] _image;
        private readonly int _start;
        private readonly int _end;
        private int _position;

        /// <summary>Reads <paramref name="count"/> bytes of <paramref name="image"/> from <paramref name="offset"/>.</summary>
        public SecureCertTlvReader(byte[] image, int offset, int count)
        {
            _image = image;
            _start = offset;
            _end = offset + count;
            _position = offset;
        }

        /// <summary>Offset (from the start of the image) where the next record is expected.</summary>
        public int Position => _position - _start;

        /// <summary>The word found where a record was expected when <see cref="Next"/> returned End (0xFFFFFFFF when erased).</summary>
        public uint EndWord { get; private set; }

        /// <summary>Reads the next record.</summary>
        /// <param name="record">Filled with the record's position and header (also for BadCrc).</param>
        /// <param name="error">Why the read failed; empty on Success and End.</param>
        /// <returns>
        /// Success; End when no magic follows; Truncated when the record runs past the image (the walk
        /// cannot go on); BadCrc for a complete record whose CRC is wrong (the walk can go on);
        /// BadParameter for a null record.
        /// </returns>
        public TlvStatus Next(SecureCertTlvRecord record, out string error)
        {
            error = "";
            if (record == null)
            {
                error = "record is null";
                return TlvStatus.BadParameter;
            }

            int at = _position;
            if (_end - at < 4)
            {
                EndWord = 0xFFFFFFFF;
                return TlvStatus.End;
            }

            uint magic = LittleEndian.ReadUInt32(_image, at);
            if (magic != SecureCertTlv.Magic)
            {
                EndWord = magic;
                return TlvStatus.End;
            }

            int offset = at - _start;
            if (_end - at < SecureCertTlv.HeaderSize)
            {
                error = "the record at offset " + offset + " has a truncated header: the image ends after " + (_end - at) + " of 12 bytes";
                return TlvStatus.Truncated;
            }

            record.Offset = offset;
            record.Flags = _image[at + 4];
            record.Type = _image[at + 8];
            record.Subtype = _image[at + 9];
            record.Length = LittleEndian.ReadUInt16(_image, at + 10);
            record.DataOffset = at + SecureCertTlv.HeaderSize;
            int total = record.TotalLength;
            if (_end - at < total)
            {
                error = "the " + SecureCertTlv.TypeName(record.Type) + " record at offset " + offset + " needs " + total +
                    " bytes but the image ends after " + (_end - at);
                return TlvStatus.Truncated;
            }

            int crcAt = at + total - SecureCertTlv.FooterSize;
            record.StoredCrc = LittleEndian.ReadUInt32(_image, crcAt);
            record.ComputedCrc = EspCrc32.Compute(_image, at, crcAt - at);
            _position = at + total;
            if (!record.CrcValid)
            {
                error = "the " + SecureCertTlv.TypeName(record.Type) + " record at offset " + offset + " has a bad CRC (stored " +
                    LittleEndian.Hex(record.StoredCrc) + ", computed " + LittleEndian.Hex(record.ComputedCrc) + ")";
                return TlvStatus.BadCrc;
            }

            return TlvStatus.Success;
        }
    }
}
