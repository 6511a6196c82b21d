namespace NanoFleet.Provisioning.Tests.Nano.Storage
{
    /// <summary>Byte helpers for the nano-style storage tests (ASCII only: no Encoding on nanoFramework).</summary>
    internal static class TestBytes
    {
        public static byte[] Ascii(string text)
        {
            var bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++) bytes[i] = (byte)text[i];
            return bytes;
        }

        public static byte[] AsciiWithNul(string text)
        {
            var bytes = new byte[text.Length + 1];
            for (int i = 0; i < text.Length; i++) bytes[i] = (byte)text[i];
            return bytes;
        }

        public static byte[] Filled(int length, byte value)
        {
            var bytes = new byte[length];
            for (int i = 0; i < length; i++) bytes[i] = value;
            return bytes;
        }

        public static byte[] FromHex(string hex)
        {
            var bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[2 * i + 1]));
            return bytes;
        }

        private static int Nibble(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }
}
