namespace NanoFleet.Provisioning.Storage
{
    /// <summary>
    /// Appends esp_secure_cert records to a caller-owned buffer, byte-for-byte as Espressif's
    /// tlv_format_construct.py builds them. The caller pre-fills the buffer (0xFF for a partition image).
    /// </summary>
    /// <example>
    /// <code>
    /// var image = new byte[SecureCertTlv.PartitionSize];   // then fill with 0xFF
    /// var writer = new SecureCertTlvWriter(image, 0, image.Length);
    /// writer.Add(SecureCertTlv.TypeCaCert, 0, 0, caPemWithNul, 0, caPemWithNul.Length);
    /// </code>
    /// </example>
    public sealed class SecureCertTlvWriter
    {
        private readonly byte[] _buffer;
        private readonly int _start;
        private readonly int _end;
        private int _position;

        /// <summary>Writes into <paramref name="capacity"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        public SecureCertTlvWriter(byte[] buffer, int offset, int capacity)
        {
            _buffer = buffer;
            _start = offset;
            _end = offset + capacity;
            _position = offset;
        }

        /// <summary>Bytes written so far.</summary>
        public int Length => _position - _start;

        /// <summary>Appends one record.</summary>
        /// <returns>Success; BufferTooSmall when it does not fit (nothing written); BadParameter for null data or a length over 65535.</returns>
        public TlvStatus Add(byte type, byte subtype, byte flags, byte[] data, int dataOffset, int count)
        {
            if (data == null || dataOffset < 0 || count < 0 || dataOffset + count > data.Length || count > SecureCertTlv.MaxDataLength)
            {
                return TlvStatus.BadParameter;
            }

            int total = SecureCertTlv.RecordSize(count);
            if (_end - _position < total) return TlvStatus.BufferTooSmall;

            int at = _position;
            LittleEndian.WriteUInt32(_buffer, at, SecureCertTlv.Magic);
            _buffer[at + 4] = flags;
            _buffer[at + 5] = 0;
            _buffer[at + 6] = 0;
            _buffer[at + 7] = 0;
            _buffer[at + 8] = type;
            _buffer[at + 9] = subtype;
            LittleEndian.WriteUInt16(_buffer, at + 10, count);
            System.Array.Copy(data, dataOffset, _buffer, at + SecureCertTlv.HeaderSize, count);
            int padAt = at + SecureCertTlv.HeaderSize + count;
            int crcAt = padAt + SecureCertTlv.PaddingFor(count);
            for (int i = padAt; i < crcAt; i++) _buffer[i] = 0;
            LittleEndian.WriteUInt32(_buffer, crcAt, EspCrc32.Compute(_buffer, at, crcAt - at));
            _position = at + total;
            return TlvStatus.Success;
        }

        /// <summary>
        /// Writes the end marker tlv_format_construct.py appends after the last record (u32 LE 0x0000FFFF,
        /// which is not the magic, so readers stop there).
        /// </summary>
        /// <returns>Success or BufferTooSmall.</returns>
        public TlvStatus AddEndMarker()
        {
            if (_end - _position < 4) return TlvStatus.BufferTooSmall;
            LittleEndian.WriteUInt32(_buffer, _position, 0x0000FFFF);
            _position += 4;
            return TlvStatus.Success;
        }
    }
}
