namespace NanoFleet.Provisioning.Storage
{
    /// <summary>
    /// UTF-8 for the storage formats (nanoFramework's mscorlib has no Encoding). Strict decoding:
    /// overlong forms, surrogates, values above U+10FFFF and truncated sequences are refused, so a
    /// corrupt record is reported rather than turned into replacement characters.
    /// </summary>
    internal static class StorageUtf8
    {
        /// <summary>Bytes needed for <paramref name="value"/>; -1 when it holds a lone surrogate.</summary>
        public static int GetByteCount(string value)
        {
            int count = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c < 0x80) count += 1;
                else if (c < 0x800) count += 2;
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    if (c > 0xDBFF || i + 1 >= value.Length || value[i + 1] < 0xDC00 || value[i + 1] > 0xDFFF) return -1;
                    count += 4;
                    i++;
                }
                else count += 3;
            }

            return count;
        }

        /// <summary>Encodes a string already measured by <see cref="GetByteCount"/>; returns bytes written.</summary>
        public static int Encode(string value, byte[] buffer, int offset)
        {
            int at = offset;
            for (int i = 0; i < value.Length; i++)
            {
                int c = value[i];
                if (c < 0x80)
                {
                    buffer[at++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    buffer[at++] = (byte)(0xC0 | (c >> 6));
                    buffer[at++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c >= 0xD800 && c <= 0xDBFF)
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (value[++i] - 0xDC00);
                    buffer[at++] = (byte)(0xF0 | (cp >> 18));
                    buffer[at++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    buffer[at++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    buffer[at++] = (byte)(0x80 | (cp & 0x3F));
                }
                else
                {
                    buffer[at++] = (byte)(0xE0 | (c >> 12));
                    buffer[at++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    buffer[at++] = (byte)(0x80 | (c & 0x3F));
                }
            }

            return at - offset;
        }

        /// <summary>The UTF-8 bytes of <paramref name="value"/>, or null for a lone surrogate.</summary>
        public static byte[]? GetBytes(string value)
        {
            int count = GetByteCount(value);
            if (count < 0) return null;
            var bytes = new byte[count];
            Encode(value, bytes, 0);
            return bytes;
        }

        /// <summary>Decodes <paramref name="count"/> bytes; false (and null) when they are not valid UTF-8.</summary>
        public static bool TryDecode(byte[] data, int offset, int count, out string? value)
        {
            value = null;
            var chars = new char[count]; // UTF-8 never needs more UTF-16 units than bytes
            int n = 0;
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                int b0 = data[i];
                if (b0 < 0x80)
                {
                    chars[n++] = (char)b0;
                    i++;
                    continue;
                }

                int need;
                int cp;
                int min;
                if ((b0 & 0xE0) == 0xC0) { need = 1; cp = b0 & 0x1F; min = 0x80; }
                else if ((b0 & 0xF0) == 0xE0) { need = 2; cp = b0 & 0x0F; min = 0x800; }
                else if ((b0 & 0xF8) == 0xF0) { need = 3; cp = b0 & 0x07; min = 0x10000; }
                else return false;

                if (i + need >= end) return false; // truncated sequence
                for (int k = 1; k <= need; k++)
                {
                    int bk = data[i + k];
                    if ((bk & 0xC0) != 0x80) return false;
                    cp = (cp << 6) | (bk & 0x3F);
                }

                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    chars[n++] = (char)(0xD800 + (cp >> 10));
                    chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)cp;
                }

                i += need + 1;
            }

            value = new string(chars, 0, n);
            return true;
        }
    }
}
