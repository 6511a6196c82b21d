namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// Turns PEM text into the bytes nanoFramework's X509 constructors hand to mbedTLS. mbedTLS parses
    /// PEM only from a NUL-terminated buffer and the byte[] constructors do not add the terminator
    /// (the string ones do, for the key via a UTF-8 copy we could not wipe), so it is added here.
    /// PEM is ASCII by definition; anything else is refused rather than mangled.
    /// </summary>
    public static class PemBytes
    {
        /// <summary>The ASCII bytes of <paramref name="pem"/> followed by one 0 byte.</summary>
        /// <returns>The buffer, or null when <paramref name="pem"/> is null, empty or holds a non-ASCII character.</returns>
        public static byte[]? WithTerminator(string? pem)
        {
            if (pem == null || pem.Length == 0)
            {
                return null;
            }

            byte[] bytes = new byte[pem.Length + 1];
            for (int i = 0; i < pem.Length; i++)
            {
                char c = pem[i];
                if (c > (char)0x7F || c == '\0')
                {
                    Wipe(bytes);
                    return null;
                }

                bytes[i] = (byte)c;
            }

            bytes[pem.Length] = 0;
            return bytes;
        }

        /// <summary>Overwrites a buffer that held key material; null is ignored.</summary>
        public static void Wipe(byte[]? buffer)
        {
            if (buffer != null)
            {
                System.Array.Clear(buffer, 0, buffer.Length);
            }
        }
    }
}
