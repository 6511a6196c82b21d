using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>Byte helpers for nano-compatible tests (no Encoding on nanoFramework).</summary>
    public static class TestBytes
    {
        /// <summary>UTF-8 of <paramref name="text"/> (through the core's own encoder).</summary>
        public static byte[] Utf8Of(string text)
        {
            byte[] bytes = new byte[Utf8.GetByteCount(text)];
            Utf8.Encode(text, bytes, 0);
            return bytes;
        }

        /// <summary>The text UTF-8 bytes spell (as the core keeps PEMs and tokens), for comparing with a string; null for null or invalid UTF-8.</summary>
        public static string? TextOf(byte[]? utf8)
        {
            if (utf8 == null || !Utf8.TryDecode(utf8, 0, utf8.Length, out string text, out _))
            {
                return null;
            }

            return text;
        }

        /// <summary>Parses "a0 61 62" or "a06162" (spaces ignored).</summary>
        public static byte[] Hex(string hex)
        {
            int digits = 0;
            for (int i = 0; i < hex.Length; i++)
            {
                if (hex[i] != ' ')
                {
                    digits++;
                }
            }

            byte[] bytes = new byte[digits / 2];
            int n = 0;
            int high = -1;
            for (int i = 0; i < hex.Length; i++)
            {
                char c = hex[i];
                if (c == ' ')
                {
                    continue;
                }

                int v = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
                if (high < 0)
                {
                    high = v;
                }
                else
                {
                    bytes[n++] = (byte)((high << 4) | v);
                    high = -1;
                }
            }

            return bytes;
        }

        /// <summary>Concatenates byte arrays.</summary>
        public static byte[] Concat(params byte[][] parts)
        {
            int length = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                length += parts[i].Length;
            }

            byte[] all = new byte[length];
            int at = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                System.Array.Copy(parts[i], 0, all, at, parts[i].Length);
                at += parts[i].Length;
            }

            return all;
        }

        /// <summary>A CBOR head (major type and argument, shortest form).</summary>
        public static byte[] CborHead(int major, int argument)
        {
            if (argument < 24)
            {
                return new byte[] { (byte)((major << 5) | argument) };
            }

            if (argument <= 0xFF)
            {
                return new byte[] { (byte)((major << 5) | 24), (byte)argument };
            }

            if (argument <= 0xFFFF)
            {
                return new byte[] { (byte)((major << 5) | 25), (byte)(argument >> 8), (byte)argument };
            }

            return new byte[] { (byte)((major << 5) | 26), (byte)(argument >> 24), (byte)(argument >> 16), (byte)(argument >> 8), (byte)argument };
        }

        /// <summary>A CBOR text string.</summary>
        public static byte[] CborText(string text)
        {
            byte[] utf8 = Utf8Of(text);
            return Concat(CborHead(3, utf8.Length), utf8);
        }

        /// <summary>A CBOR integer.</summary>
        public static byte[] CborInt(int value) => value >= 0 ? CborHead(0, value) : CborHead(1, -1 - value);

        /// <summary>The start of a definite-length CBOR map.</summary>
        public static byte[] CborMap(int pairs) => CborHead(5, pairs);

        /// <summary>A copy of <paramref name="data"/> placed at <paramref name="offset"/> in a larger array filled with 0xA5.</summary>
        public static byte[] Embed(byte[] data, int offset, int after)
        {
            byte[] all = new byte[offset + data.Length + after];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = 0xA5;
            }

            System.Array.Copy(data, 0, all, offset, data.Length);
            return all;
        }
    }
}
