namespace NanoFleet.Provisioning.Text
{
    /// <summary>
    /// Strict base64 (RFC 4648 §4) decoding of text held as bytes, as a PEM body is. Written out
    /// rather than taken from <c>Convert</c>: that wants the text as chars (a second copy of a private
    /// key to wipe) and throws on bad input, where the core reports a status.
    /// </summary>
    public static class Base64
    {
        /// <summary>The most bytes <paramref name="textCount"/> characters of base64 can decode to.</summary>
        public static int MaxDecodedLength(int textCount) => (textCount / 4) * 3 + 3;

        /// <summary>
        /// Decodes <paramref name="count"/> bytes of base64 text from <paramref name="offset"/>, skipping
        /// line breaks, spaces and tabs (PEM wraps its body).
        /// </summary>
        /// <param name="text">The text (ASCII).</param>
        /// <param name="offset">Where the text starts.</param>
        /// <param name="count">Its length.</param>
        /// <param name="output">Receives the bytes; needs <see cref="MaxDecodedLength"/> of <paramref name="count"/> from <paramref name="outputOffset"/>.</param>
        /// <param name="outputOffset">Where to write.</param>
        /// <param name="written">Bytes written.</param>
        /// <returns>
        /// False for a character outside the alphabet, text after the padding, a last group that is
        /// short or unpadded, nonzero bits in the padding, or an output buffer that is too small.
        /// </returns>
        public static bool TryDecode(byte[] text, int offset, int count, byte[] output, int outputOffset, out int written)
        {
            written = 0;
            if (output.Length - outputOffset < MaxDecodedLength(count))
            {
                return false;
            }

            int at = outputOffset;
            int bits = 0;
            int group = 0; // data characters in the current group of four
            int padding = 0;
            for (int i = offset; i < offset + count; i++)
            {
                int c = text[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    continue;
                }

                if (c == '=')
                {
                    if (group < 2 || group + padding >= 4)
                    {
                        return false;
                    }

                    padding++;
                    continue;
                }

                int value = ValueOf(c);
                if (value < 0 || padding > 0)
                {
                    return false;
                }

                bits = (bits << 6) | value;
                if (++group == 4)
                {
                    output[at++] = (byte)(bits >> 16);
                    output[at++] = (byte)(bits >> 8);
                    output[at++] = (byte)bits;
                    bits = 0;
                    group = 0;
                }
            }

            if (group == 0)
            {
                written = at - outputOffset;
                return true;
            }

            // A padded last group: "xx==" holds one byte and four spare bits, "xxx=" two bytes and two.
            if (group + padding != 4 || (group == 2 ? bits & 0xF : bits & 0x3) != 0)
            {
                return false;
            }

            if (group == 2)
            {
                output[at++] = (byte)(bits >> 4);
            }
            else
            {
                output[at++] = (byte)(bits >> 10);
                output[at++] = (byte)(bits >> 2);
            }

            written = at - outputOffset;
            return true;
        }

        private static int ValueOf(int c)
        {
            if (c >= 'A' && c <= 'Z') return c - 'A';
            if (c >= 'a' && c <= 'z') return c - 'a' + 26;
            if (c >= '0' && c <= '9') return c - '0' + 52;
            if (c == '+') return 62;
            if (c == '/') return 63;
            return -1;
        }
    }
}
