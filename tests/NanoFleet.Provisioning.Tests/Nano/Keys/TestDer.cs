using System;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>Builds DER elements and PEM text by hand, so the tests do not share a bug with the reader.</summary>
    public static class TestDer
    {
        /// <summary>An element: <paramref name="tag"/>, the shortest DER length, then the parts' bytes.</summary>
        public static byte[] Tlv(byte tag, params byte[][] content)
        {
            byte[] body = TestBytes.Concat(content);
            return TestBytes.Concat(new byte[] { tag }, Length(body.Length), body);
        }

        /// <summary>A DER length: one byte below 128, else 0x80 + count and the big-endian bytes.</summary>
        public static byte[] Length(int length)
        {
            if (length < 0x80)
            {
                return new byte[] { (byte)length };
            }

            int count = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
            byte[] bytes = new byte[count + 1];
            bytes[0] = (byte)(0x80 | count);
            for (int i = count; i > 0; i--)
            {
                bytes[i] = (byte)length;
                length >>= 8;
            }

            return bytes;
        }

        /// <summary>PEM text: the label's BEGIN line, the base64 in 64-character lines, the END line.</summary>
        public static string Pem(string label, byte[] der)
        {
            string base64 = Convert.ToBase64String(der);
            string text = "-----BEGIN " + label + "-----\n";
            for (int at = 0; at < base64.Length; at += 64)
            {
                text += base64.Substring(at, base64.Length - at < 64 ? base64.Length - at : 64) + "\n";
            }

            return text + "-----END " + label + "-----\n";
        }

        /// <summary>A run of <paramref name="count"/> bytes that differs with <paramref name="seed"/>.</summary>
        public static byte[] Filler(int seed, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = (byte)(seed * 31 + i * 7 + 1);
            }

            return bytes;
        }
    }
}
