namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// Turns PEM text (UTF-8 bytes, as the core holds it) into the bytes nanoFramework's X509
    /// constructors hand to mbedTLS. mbedTLS parses PEM only from a NUL-terminated buffer and the
    /// byte[] constructors do not add the terminator (the string ones do, for the key via a UTF-8
    /// copy we could not wipe), so it is added here, in a copy the session wipes after use.
    /// PEM is ASCII by definition; anything else is refused rather than mangled.
    /// </summary>
    public static class PemBytes
    {
        /// <summary>A copy of <paramref name="pem"/> followed by one 0 byte.</summary>
        /// <returns>The buffer, or null when <paramref name="pem"/> is null, empty or holds a byte that is not ASCII or is 0.</returns>
        public static byte[] WithTerminator(byte[] pem)
        {
            if (pem == null || pem.Length == 0)
            {
                return null;
            }

            byte[] bytes = new byte[pem.Length + 1];
            for (int i = 0; i < pem.Length; i++)
            {
                byte b = pem[i];
                if (b > 0x7F || b == 0)
                {
                    Wipe(bytes);
                    return null;
                }

                bytes[i] = b;
            }

            bytes[pem.Length] = 0;
            return bytes;
        }

        /// <summary>Overwrites a buffer that held key material; null is ignored.</summary>
        public static void Wipe(byte[] buffer)
        {
            if (buffer != null)
            {
                System.Array.Clear(buffer, 0, buffer.Length);
            }
        }
    }
}
