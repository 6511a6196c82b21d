using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Cbor
{
    /// <summary>
    /// A minimal CBOR writer (RFC 8949) for request payloads: definite-length maps with text keys
    /// and values, always in the shortest head encoding (RFC 8949 §4.2.1 preferred serialization).
    /// <para>
    /// Unlike System.Formats.Cbor's writer it owns no growing buffer: it writes straight into a
    /// caller-owned buffer, or — constructed without one — only counts. Callers measure, check the
    /// room, then write, so nothing is allocated and nothing is half-written on a device whose heap
    /// is tens of kilobytes (see <see cref="FpPayloadWriter"/>).
    /// </para>
    /// </summary>
    /// <example>
    /// <code>
    /// var measure = new CborWriter(null, 0);
    /// measure.WriteStartMap(1); measure.WriteTextString("k"); measure.WriteTextString("v");
    /// // measure.BytesWritten == 5
    /// </code>
    /// </example>
    public sealed class CborWriter : CountingByteOutput, IMapWriter
    {
        private const int MajorTypeMap = 5;
        private const int MajorTypeText = 3;

        /// <summary>Writes at <paramref name="offset"/> of <paramref name="buffer"/>, or only counts when it is null.</summary>
        /// <param name="buffer">Destination, already checked to be large enough, or null to measure.</param>
        /// <param name="offset">Where to start.</param>
        public CborWriter(byte[]? buffer, int offset)
            : base(buffer, offset)
        {
        }

        /// <summary>Writes the head of a definite-length map of <paramref name="pairs"/> entries.</summary>
        public void WriteStartMap(int pairs) => WriteHead(MajorTypeMap, pairs);

        /// <summary>Nothing to write: maps are definite-length.</summary>
        public void WriteEndMap()
        {
        }

        /// <inheritdoc />
        void IMapWriter.WriteKey(string key) => WriteTextString(key);

        /// <inheritdoc />
        void IMapWriter.WriteText(string value) => WriteTextString(value);

        /// <inheritdoc />
        void IMapWriter.WriteText(byte[] utf8) => WriteTextString(utf8);

        /// <summary>Writes a text string given as UTF-8 (validated: CBOR text must be valid UTF-8).</summary>
        /// <param name="utf8">The text's bytes.</param>
        public void WriteTextString(byte[] utf8)
        {
            if (Utf8.CountChars(utf8, 0, utf8.Length, out _) < 0)
            {
                IsValid = false;
                return;
            }

            WriteHead(MajorTypeText, utf8.Length);
            if (Buffer != null)
            {
                System.Array.Copy(utf8, 0, Buffer, At, utf8.Length);
            }

            At += utf8.Length;
        }

        /// <inheritdoc />
        int IMapWriter.WriteEncodedText(IPayloadSource source, int position, int length)
        {
            WriteHead(MajorTypeText, length);
            int contentAt = BytesWritten;
            if (Buffer != null)
            {
                source.CopyEncodedText(position, length, Buffer, At);
            }

            At += length;
            return contentAt;
        }

        /// <summary>Writes a UTF-8 text string; a lone surrogate or U+0000 makes the writer invalid.</summary>
        /// <param name="value">The text.</param>
        public void WriteTextString(string value)
        {
            char[] chars = value.ToCharArray();
            int length = Utf8.GetByteCount(chars);
            if (length == Utf8.Invalid)
            {
                IsValid = false;
                return;
            }

            WriteHead(MajorTypeText, length);
            if (Buffer != null)
            {
                Utf8.Encode(chars, Buffer, At);
            }

            At += length;
        }

        /// <summary>Writes a major type with its argument in the shortest form (RFC 8949 §3 and §4.2.1).</summary>
        private void WriteHead(int majorType, int argument)
        {
            int type = majorType << 5;
            if (argument < 24)
            {
                Put((byte)(type | argument));
            }
            else if (argument <= 0xFF)
            {
                Put((byte)(type | 24));
                Put((byte)argument);
            }
            else if (argument <= 0xFFFF)
            {
                Put((byte)(type | 25));
                Put((byte)(argument >> 8));
                Put((byte)argument);
            }
            else
            {
                Put((byte)(type | 26));
                Put((byte)(argument >> 24));
                Put((byte)(argument >> 16));
                Put((byte)(argument >> 8));
                Put((byte)argument);
            }
        }
    }
}
