namespace NanoFleet.Provisioning.Keys
{
    /// <summary>
    /// Reads DER elements (X.690) forward only from a range of a caller-owned buffer. It never
    /// copies or allocates, except for <see cref="Enter"/>'s reader over a constructed element's
    /// content, and reports bad input as a <see cref="DerStatus"/>: every length is checked against
    /// the range before it is used, so no input makes it read outside the range.
    /// </summary>
    /// <example>
    /// <code>
    /// var reader = new DerReader(der, 0, der.Length);
    /// DerReader certificate;
    /// if (reader.Enter(DerTag.Sequence, out certificate) == DerStatus.Success) { /* read its fields */ }
    /// </code>
    /// </example>
    public sealed class DerReader
    {
        private readonly byte[] _der;
        private readonly int _end;
        private int _position;

        /// <summary>Reads <paramref name="count"/> bytes of <paramref name="der"/> from <paramref name="offset"/>.</summary>
        /// <exception cref="System.ArgumentException">The range is not inside the buffer (a caller's bug, not bad input).</exception>
        public DerReader(byte[] der, int offset, int count)
        {
            if (der == null || offset < 0 || count < 0 || offset > der.Length - count)
            {
                throw new System.ArgumentException("The DER range is not inside the buffer.");
            }

            _der = der;
            _position = offset;
            _end = offset + count;
        }

        /// <summary>The buffer read.</summary>
        public byte[] Buffer => _der;

        /// <summary>Where the next element starts, as an index into <see cref="Buffer"/>.</summary>
        public int Position => _position;

        /// <summary>True when the range holds no more bytes.</summary>
        public bool AtEnd => _position == _end;

        /// <summary>Reads the next element whatever its tag and moves past it.</summary>
        /// <param name="tag">Its identifier octet.</param>
        /// <param name="contentOffset">Where its content starts (its header starts at the old <see cref="Position"/>).</param>
        /// <param name="contentCount">Its content length.</param>
        /// <returns>Success; End when the range is used up; Truncated, BadLength or UnsupportedTag (the reader does not move).</returns>
        public DerStatus ReadAny(out byte tag, out int contentOffset, out int contentCount)
        {
            tag = 0;
            contentOffset = 0;
            contentCount = 0;
            int at = _position;
            if (at == _end)
            {
                return DerStatus.End;
            }

            tag = _der[at++];
            if ((tag & 0x1F) == 0x1F)
            {
                return DerStatus.UnsupportedTag;
            }

            if (at == _end)
            {
                return DerStatus.Truncated;
            }

            int first = _der[at++];
            int length;
            if (first < 0x80)
            {
                length = first;
            }
            else
            {
                // Long form: the low bits count the length bytes. DER forbids the indefinite form (0x80),
                // a leading zero byte and a long form for a length under 128.
                int lengthBytes = first & 0x7F;
                if (lengthBytes == 0 || lengthBytes > 4)
                {
                    return DerStatus.BadLength;
                }

                if (_end - at < lengthBytes)
                {
                    return DerStatus.Truncated;
                }

                if (_der[at] == 0 || (lengthBytes == 4 && (_der[at] & 0x80) != 0))
                {
                    return DerStatus.BadLength;
                }

                length = 0;
                for (int i = 0; i < lengthBytes; i++)
                {
                    length = (length << 8) | _der[at++];
                }

                if (length < 0x80)
                {
                    return DerStatus.BadLength;
                }
            }

            if (_end - at < length)
            {
                return DerStatus.Truncated;
            }

            contentOffset = at;
            contentCount = length;
            _position = at + length;
            return DerStatus.Success;
        }

        /// <summary>Reads the next element, which must carry <paramref name="tag"/>, and moves past it.</summary>
        /// <returns>As <see cref="ReadAny"/>, plus UnexpectedTag (the reader does not move).</returns>
        public DerStatus Read(byte tag, out int contentOffset, out int contentCount)
        {
            int start = _position;
            byte found;
            DerStatus status = ReadAny(out found, out contentOffset, out contentCount);
            if (status == DerStatus.Success && found != tag)
            {
                _position = start;
                contentOffset = 0;
                contentCount = 0;
                return DerStatus.UnexpectedTag;
            }

            return status;
        }

        /// <summary>Reads the next element, which must carry <paramref name="tag"/>, and gives a reader over its content.</summary>
        /// <returns>As <see cref="Read"/>; <paramref name="content"/> is null unless Success.</returns>
        public DerStatus Enter(byte tag, out DerReader? content)
        {
            content = null;
            DerStatus status = Read(tag, out int offset, out int count);
            if (status == DerStatus.Success)
            {
                content = new DerReader(_der, offset, count);
            }

            return status;
        }

        /// <summary>True when the next element carries <paramref name="tag"/> (for OPTIONAL fields).</summary>
        public bool NextIs(byte tag) => _position < _end && _der[_position] == tag;
    }
}
