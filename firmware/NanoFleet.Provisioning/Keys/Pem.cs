using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning.Keys
{
    /// <summary>Finds and decodes a PEM block (RFC 7468) in UTF-8 text held as bytes.</summary>
    internal static class Pem
    {
        /// <summary>
        /// Finds the first block labelled <paramref name="label"/>. Text around blocks, and blocks
        /// with other labels (OpenSSL's "EC PARAMETERS" before a key), are skipped.
        /// </summary>
        /// <param name="text">The PEM text.</param>
        /// <param name="label">The label, e.g. "CERTIFICATE" (ASCII).</param>
        /// <param name="bodyOffset">Where the base64 body starts (after the BEGIN line's dashes).</param>
        /// <param name="bodyCount">Its length, up to the END line.</param>
        /// <returns>True when a BEGIN line and its END line were found.</returns>
        public static bool Find(byte[] text, string label, out int bodyOffset, out int bodyCount)
        {
            bodyOffset = 0;
            bodyCount = 0;
            string begin = "-----BEGIN " + label + "-----";
            int at = IndexOf(text, 0, begin);
            if (at < 0)
            {
                return false;
            }

            int body = at + begin.Length;
            int end = IndexOf(text, body, "-----END " + label + "-----");
            if (end < 0)
            {
                return false;
            }

            bodyOffset = body;
            bodyCount = end - body;
            return true;
        }

        /// <summary>Decodes a body <see cref="Find"/> found into a new array (wipe it when it holds a key).</summary>
        /// <param name="count">How many bytes of the array the DER fills.</param>
        /// <returns>The DER, or null when the body is not base64.</returns>
        public static byte[]? Decode(byte[] text, int bodyOffset, int bodyCount, out int count)
        {
            byte[] der = new byte[Base64.MaxDecodedLength(bodyCount)];
            if (!Base64.TryDecode(text, bodyOffset, bodyCount, der, 0, out count))
            {
                System.Array.Clear(der, 0, der.Length); // part of a key may be in it
                return null;
            }

            return der;
        }

        /// <summary>Where the ASCII <paramref name="marker"/> first occurs at or after <paramref name="from"/>, or -1.</summary>
        private static int IndexOf(byte[] text, int from, string marker)
        {
            int last = text.Length - marker.Length;
            for (int at = from; at <= last; at++)
            {
                int i = 0;
                while (i < marker.Length && text[at + i] == marker[i])
                {
                    i++;
                }

                if (i == marker.Length)
                {
                    return at;
                }
            }

            return -1;
        }
    }
}
