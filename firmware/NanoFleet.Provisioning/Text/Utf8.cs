namespace NanoFleet.Provisioning.Text
{
    /// <summary>
    /// Hand-written UTF-8, because nanoFramework's mscorlib has no <c>Encoding</c>. Strict both
    /// ways: the encoder refuses lone surrogates, the decoder refuses overlong forms, surrogate code
    /// points, values above U+10FFFF and truncated sequences (RFC 3629), so a string that passes
    /// through here round-trips exactly.
    /// <para>
    /// The nanoCLR stores strings as UTF-8. Its indexer returns the high surrogate for both halves
    /// of a character outside the BMP, and <c>IndexOf</c>, <c>Substring</c> and <c>ToCharArray(i, n)</c>
    /// go wrong after one; only a whole <c>ToCharArray()</c> is right. So every method here that reads
    /// a string reads it through one whole <c>ToCharArray()</c>. A nanoCLR string cannot hold U+0000
    /// either (it ends the string there), so text that becomes or comes from a string refuses it:
    /// <see cref="GetByteCount(string)"/> and <see cref="Decode"/> treat it as invalid, where it would
    /// otherwise be cut short without a word. Text the core keeps as bytes (certificate, key, token)
    /// is only validated as UTF-8 (<see cref="CountChars"/>) and keeps a NUL as it is.
    /// </para>
    /// </summary>
    public static class Utf8
    {
        /// <summary>
        /// Returned by <see cref="GetByteCount(string)"/> and <see cref="ReadCodePoint"/> for text no
        /// nanoCLR string can hold: a lone surrogate (it becomes U+FFFD there) or U+0000 (it ends the string).
        /// </summary>
        public const int Invalid = -1;

        /// <summary>Bytes needed to encode <paramref name="value"/>, or <see cref="Invalid"/> when it holds a lone surrogate or U+0000.</summary>
        /// <param name="value">The string to measure.</param>
        public static int GetByteCount(string value) => GetByteCount(value.ToCharArray());

        /// <summary><see cref="GetByteCount(string)"/> for a string's whole <c>ToCharArray()</c>.</summary>
        public static int GetByteCount(char[] chars)
        {
            int count = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                int codePoint = ReadCodePoint(chars, ref i);
                if (codePoint == Invalid)
                {
                    return Invalid;
                }

                count += EncodedLength(codePoint);
            }

            return count;
        }

        /// <summary>
        /// Encodes <paramref name="value"/> at <paramref name="offset"/>. The caller has checked the
        /// room with <see cref="GetByteCount(string)"/> (which also refuses what cannot be encoded).
        /// </summary>
        /// <returns>Bytes written.</returns>
        public static int Encode(string value, byte[] buffer, int offset) => Encode(value.ToCharArray(), buffer, offset);

        /// <summary><see cref="Encode(string, byte[], int)"/> for a string's whole <c>ToCharArray()</c>.</summary>
        public static int Encode(char[] chars, byte[] buffer, int offset)
        {
            int at = offset;
            for (int i = 0; i < chars.Length; i++)
            {
                at += WriteCodePoint(ReadCodePoint(chars, ref i), buffer, at);
            }

            return at - offset;
        }

        /// <summary>
        /// The code point at <paramref name="i"/> of a string's chars, joining a surrogate pair (and
        /// then leaving <paramref name="i"/> on its second half); <see cref="Invalid"/> for a lone
        /// surrogate or U+0000.
        /// </summary>
        /// <param name="chars">A whole <c>ToCharArray()</c>: on the nanoCLR only that holds both halves of a pair.</param>
        /// <param name="i">The index to read; moved to the low surrogate of a pair.</param>
        public static int ReadCodePoint(char[] chars, ref int i)
        {
            char c = chars[i];
            if (c == 0)
            {
                return Invalid;
            }

            if (c < 0xD800 || c > 0xDFFF)
            {
                return c;
            }

            if (c > 0xDBFF || i + 1 >= chars.Length || chars[i + 1] < 0xDC00 || chars[i + 1] > 0xDFFF)
            {
                return Invalid;
            }

            i++;
            return 0x10000 + ((c - 0xD800) << 10) + (chars[i] - 0xDC00);
        }

        /// <summary>UTF-8 length of a code point (1–4).</summary>
        public static int EncodedLength(int codePoint) =>
            codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

        /// <summary>Writes the UTF-8 of a valid code point at <paramref name="at"/>; returns its length.</summary>
        public static int WriteCodePoint(int codePoint, byte[] buffer, int at)
        {
            if (codePoint < 0x80)
            {
                buffer[at] = (byte)codePoint;
                return 1;
            }

            if (codePoint < 0x800)
            {
                buffer[at] = (byte)(0xC0 | (codePoint >> 6));
                buffer[at + 1] = (byte)(0x80 | (codePoint & 0x3F));
                return 2;
            }

            if (codePoint < 0x10000)
            {
                buffer[at] = (byte)(0xE0 | (codePoint >> 12));
                buffer[at + 1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                buffer[at + 2] = (byte)(0x80 | (codePoint & 0x3F));
                return 3;
            }

            buffer[at] = (byte)(0xF0 | (codePoint >> 18));
            buffer[at + 1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
            buffer[at + 2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
            buffer[at + 3] = (byte)(0x80 | (codePoint & 0x3F));
            return 4;
        }

        /// <summary>
        /// Decodes one code point starting at <paramref name="at"/>, validating it.
        /// </summary>
        /// <param name="data">Source bytes.</param>
        /// <param name="at">First byte of the sequence.</param>
        /// <param name="end">One past the last readable byte.</param>
        /// <param name="codePoint">The code point (U+0000..U+10FFFF, never a surrogate).</param>
        /// <returns>The sequence length (1–4), or 0 when the bytes are not valid UTF-8.</returns>
        public static int DecodeCodePoint(byte[] data, int at, int end, out int codePoint)
        {
            codePoint = 0;
            int b0 = data[at];
            if (b0 < 0x80)
            {
                codePoint = b0;
                return 1;
            }

            int length;
            int min;
            if ((b0 & 0xE0) == 0xC0)
            {
                length = 2;
                min = 0x80;
                codePoint = b0 & 0x1F;
            }
            else if ((b0 & 0xF0) == 0xE0)
            {
                length = 3;
                min = 0x800;
                codePoint = b0 & 0x0F;
            }
            else if ((b0 & 0xF8) == 0xF0)
            {
                length = 4;
                min = 0x10000;
                codePoint = b0 & 0x07;
            }
            else
            {
                return 0;
            }

            if (end - at < length)
            {
                return 0;
            }

            for (int i = 1; i < length; i++)
            {
                int b = data[at + i];
                if ((b & 0xC0) != 0x80)
                {
                    return 0;
                }

                codePoint = (codePoint << 6) | (b & 0x3F);
            }

            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                return 0;
            }

            return length;
        }

        /// <summary>
        /// True when the UTF-8 bytes (already validated) spell exactly <paramref name="text"/>,
        /// compared code point by code point.
        /// </summary>
        public static bool EqualsText(byte[] data, int offset, int count, string text)
        {
            // Each UTF-16 unit takes 1 to 3 UTF-8 bytes: most keys are told apart by length alone,
            // before the text's chars are taken.
            if (count < text.Length || count > 3 * text.Length)
            {
                return false;
            }

            char[] chars = text.ToCharArray();
            int end = offset + count;
            int at = offset;
            int i = 0;
            while (at < end)
            {
                if (i >= chars.Length)
                {
                    return false;
                }

                byte b = data[at];
                if (b < 0x80)
                {
                    if (chars[i] != b)
                    {
                        return false;
                    }

                    at++;
                    i++;
                    continue;
                }

                at += DecodeCodePoint(data, at, end, out int codePoint);
                if (ReadCodePoint(chars, ref i) != codePoint)
                {
                    return false;
                }

                i++;
            }

            return i == chars.Length;
        }

        /// <summary>
        /// True when <paramref name="text"/> contains the text whose (valid) UTF-8 is
        /// <paramref name="utf8"/>, e.g. whether an error message quotes a secret held as bytes.
        /// Compares without decoding the bytes into a string.
        /// </summary>
        public static bool Contains(string text, byte[] utf8) => Contains(text, utf8, 0, utf8.Length);

        /// <summary><see cref="Contains(string, byte[])"/> for the UTF-8 in a range of <paramref name="data"/>.</summary>
        public static bool Contains(string text, byte[] data, int offset, int count)
        {
            char[] chars = text.ToCharArray();

            // A match of n units takes at least n and at most 3n bytes: starts too late cannot match.
            int minUnits = (count + 2) / 3;
            for (int start = 0; start + minUnits <= chars.Length; start++)
            {
                if (MatchesAt(chars, start, data, offset, offset + count))
                {
                    return true;
                }
            }

            return count == 0;
        }

        /// <summary>True when <paramref name="chars"/> from <paramref name="start"/> begin with the text the bytes spell.</summary>
        private static bool MatchesAt(char[] chars, int start, byte[] data, int at, int end)
        {
            int i = start;
            while (at < end)
            {
                if (i >= chars.Length)
                {
                    return false;
                }

                int length = DecodeCodePoint(data, at, end, out int codePoint);
                if (length == 0 || ReadCodePoint(chars, ref i) != codePoint)
                {
                    return false;
                }

                at += length;
                i++;
            }

            return true;
        }

        /// <summary>UTF-16 code units a code point takes (1 or 2).</summary>
        public static int CharCount(int codePoint) => codePoint >= 0x10000 ? 2 : 1;

        /// <summary>Stores a code point as UTF-16 at <paramref name="at"/>; returns the units written.</summary>
        public static int PutChars(int codePoint, char[] chars, int at)
        {
            if (codePoint < 0x10000)
            {
                chars[at] = (char)codePoint;
                return 1;
            }

            int v = codePoint - 0x10000;
            chars[at] = (char)(0xD800 + (v >> 10));
            chars[at + 1] = (char)(0xDC00 + (v & 0x3FF));
            return 2;
        }

        /// <summary>
        /// Validates and decodes <paramref name="count"/> bytes in one pass through
        /// <see cref="ScratchChars"/>, so the only allocation is the string.
        /// </summary>
        /// <param name="data">Source bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Number of bytes.</param>
        /// <param name="value">The decoded string, or "" on failure.</param>
        /// <param name="badOffset">Offset of the first invalid or NUL byte, or -1.</param>
        /// <returns>True when every byte was valid UTF-8 and none was NUL.</returns>
        public static bool TryDecode(byte[] data, int offset, int count, out string value, out int badOffset)
        {
            value = "";
            badOffset = -1;
            if (count == 0)
            {
                return true;
            }

            lock (ScratchChars.Gate)
            {
                // UTF-8 never takes fewer bytes than UTF-16 takes units, so count chars suffice.
                char[] chars = ScratchChars.Get(count);
                int length = Decode(data, offset, count, chars, 0, out badOffset);
                if (length < 0)
                {
                    return false;
                }

                value = new string(chars, 0, length);
            }

            return true;
        }

        /// <summary>Validates and counts the UTF-16 units of a range; -1 (with <paramref name="badOffset"/>) when invalid.</summary>
        public static int CountChars(byte[] data, int offset, int count, out int badOffset)
        {
            badOffset = -1;
            int end = offset + count;
            int chars = 0;
            int at = offset;
            while (at < end)
            {
                int run = AsciiRun(data, at, end);
                at += run;
                chars += run;
                if (at == end)
                {
                    break;
                }

                int length = DecodeCodePoint(data, at, end, out int codePoint);
                if (length == 0)
                {
                    badOffset = at;
                    return -1;
                }

                at += length;
                chars += CharCount(codePoint);
            }

            return chars;
        }

        /// <summary>
        /// Validates and decodes a range into <paramref name="chars"/> (which has room for
        /// <paramref name="count"/> units) in one pass, for a string: a NUL byte is refused like an
        /// invalid one, since the string would end there.
        /// </summary>
        /// <returns>The units written, or -1 (with <paramref name="badOffset"/>) when the bytes are not valid UTF-8 or hold a NUL.</returns>
        public static int Decode(byte[] data, int offset, int count, char[] chars, int charOffset, out int badOffset)
        {
            badOffset = -1;
            int end = offset + count;
            int at = offset;
            int to = charOffset;
            while (at < end)
            {
                // Strings are short (thing name, configuration entries, error codes): certificates,
                // keys and tokens stay bytes and never come through here.
                byte b = data[at];
                if (b == 0)
                {
                    badOffset = at;
                    return -1;
                }

                if (b < 0x80)
                {
                    chars[to++] = (char)b;
                    at++;
                    continue;
                }

                int length = DecodeCodePoint(data, at, end, out int codePoint);
                if (length == 0)
                {
                    badOffset = at;
                    return -1;
                }

                at += length;
                to += PutChars(codePoint, chars, to);
            }

            return to - charOffset;
        }

        /// <summary>Length of the run of ASCII bytes starting at <paramref name="at"/>.</summary>
        private static int AsciiRun(byte[] data, int at, int end)
        {
            int start = at;

            // Eight bytes per test while they are all ASCII (all of a PEM or a token): a validating
            // pass over a 4 KB response then costs little next to the decoding.
            int last = end - 8;
            while (at <= last && (data[at] | data[at + 1] | data[at + 2] | data[at + 3] | data[at + 4] | data[at + 5] | data[at + 6] | data[at + 7]) < 0x80)
            {
                at += 8;
            }

            while (at < end && data[at] < 0x80)
            {
                at++;
            }

            return at - start;
        }
    }
}
