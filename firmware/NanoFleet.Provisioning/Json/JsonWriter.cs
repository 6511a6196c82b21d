using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Json
{
    /// <summary>
    /// A minimal forward-only JSON writer for flat request objects (string members and one level of
    /// nested string maps). It writes into a caller-owned buffer, or — constructed without one —
    /// only counts, so callers measure first and never write half a payload (the Fleet-Provisioning
    /// library's "length first" rule). It allocates nothing.
    /// </summary>
    /// <example>
    /// <code>
    /// var measure = new JsonWriter(null, 0);
    /// Compose(measure);                     // measure.BytesWritten is the size needed
    /// var write = new JsonWriter(buffer, offset);
    /// Compose(write);                       // now written for real
    /// </code>
    /// </example>
    public sealed class JsonWriter : CountingByteOutput, IMapWriter
    {
        private bool _needComma;

        /// <summary>Writes at <paramref name="offset"/> of <paramref name="buffer"/>, or only counts when it is null.</summary>
        /// <param name="buffer">Destination, already checked to be large enough, or null to measure.</param>
        /// <param name="offset">Where to start.</param>
        public JsonWriter(byte[]? buffer, int offset)
            : base(buffer, offset)
        {
        }

        /// <inheritdoc />
        protected override void OnRestart() => _needComma = false;

        /// <summary>Writes '{'.</summary>
        public void WriteStartObject()
        {
            Separate();
            Put((byte)'{');
            _needComma = false;
        }

        /// <summary>Writes '}'.</summary>
        public void WriteEndObject()
        {
            Put((byte)'}');
            _needComma = true;
        }

        /// <summary>Writes <c>"name":</c> (with a comma before it when needed).</summary>
        /// <param name="name">The member name.</param>
        public void WritePropertyName(string name)
        {
            Separate();
            WriteQuoted(name);
            Put((byte)':');
            _needComma = false;
        }

        /// <summary>Writes a string value, escaped.</summary>
        /// <param name="value">The value.</param>
        public void WriteStringValue(string value)
        {
            Separate();
            WriteQuoted(value);
            _needComma = true;
        }

        /// <inheritdoc />
        void IMapWriter.WriteStartMap(int pairs) => WriteStartObject();

        /// <inheritdoc />
        void IMapWriter.WriteKey(string key) => WritePropertyName(key);

        /// <inheritdoc />
        void IMapWriter.WriteText(string value) => WriteStringValue(value);

        /// <inheritdoc />
        void IMapWriter.WriteText(byte[] utf8)
        {
            Separate();
            WriteQuoted(utf8);
            _needComma = true;
        }

        /// <inheritdoc />
        int IMapWriter.WriteEncodedText(IPayloadSource source, int position, int length)
        {
            Separate();
            Put((byte)'"');
            int contentAt = BytesWritten;
            if (Buffer != null)
            {
                source.CopyEncodedText(position, length, Buffer, At);
            }

            At += length;
            Put((byte)'"');
            _needComma = true;
            return contentAt;
        }

        /// <inheritdoc />
        void IMapWriter.WriteEndMap() => WriteEndObject();

        private void Separate()
        {
            if (_needComma)
            {
                Put((byte)',');
            }
        }

        /// <summary>
        /// Escapes per RFC 8259: quote, backslash and control characters; everything else as UTF-8.
        /// '\n' gets its short form because PEM values are full of it. Reads the string through one
        /// whole ToCharArray(), the only view of it that is right on the nanoCLR (see <see cref="Utf8"/>).
        /// </summary>
        private void WriteQuoted(string value)
        {
            char[] chars = value.ToCharArray();
            Put((byte)'"');
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c < 0x80 && c != 0)
                {
                    PutAscii(c);
                }
                else
                {
                    i = PutNonAscii(chars, i);
                }
            }

            Put((byte)'"');
        }

        /// <summary><see cref="WriteQuoted(string)"/> for text held as UTF-8, which must be valid.</summary>
        private void WriteQuoted(byte[] utf8)
        {
            if (Utf8.CountChars(utf8, 0, utf8.Length, out _) < 0)
            {
                IsValid = false;
                return;
            }

            Put((byte)'"');
            for (int i = 0; i < utf8.Length; i++)
            {
                byte b = utf8[i];
                if (b < 0x80)
                {
                    PutAscii(b);
                }
                else
                {
                    Put(b); // part of a validated multi-byte sequence: JSON carries it as is
                }
            }

            Put((byte)'"');
        }

        /// <summary>Writes an ASCII character, escaped when JSON requires it.</summary>
        private void PutAscii(int c)
        {
            switch (c)
            {
                case '"': Put((byte)'\\'); Put((byte)'"'); break;
                case '\\': Put((byte)'\\'); Put((byte)'\\'); break;
                case '\n': Put((byte)'\\'); Put((byte)'n'); break;
                case '\r': Put((byte)'\\'); Put((byte)'r'); break;
                case '\t': Put((byte)'\\'); Put((byte)'t'); break;
                case '\b': Put((byte)'\\'); Put((byte)'b'); break;
                case '\f': Put((byte)'\\'); Put((byte)'f'); break;
                default:
                    if (c < 0x20)
                    {
                        Put((byte)'\\');
                        Put((byte)'u');
                        Put((byte)'0');
                        Put((byte)'0');
                        Put(HexDigit(c >> 4));
                        Put(HexDigit(c & 0xF));
                    }
                    else
                    {
                        Put((byte)c);
                    }

                    break;
            }
        }

        /// <summary>
        /// Writes the UTF-8 of the character (or surrogate pair) at <paramref name="i"/>; returns the
        /// last index used. A lone surrogate or U+0000, which no nanoCLR string holds, makes the writer invalid.
        /// </summary>
        private int PutNonAscii(char[] chars, int i)
        {
            int codePoint = Utf8.ReadCodePoint(chars, ref i);
            if (codePoint == Utf8.Invalid)
            {
                IsValid = false;
                return i;
            }

            At += Buffer == null ? Utf8.EncodedLength(codePoint) : Utf8.WriteCodePoint(codePoint, Buffer, At);
            return i;
        }

        private static byte HexDigit(int v) => (byte)(v < 10 ? '0' + v : 'a' + v - 10);
    }
}
