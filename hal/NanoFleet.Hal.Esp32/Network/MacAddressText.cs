namespace NanoFleet.Hal.Esp32
{
    /// <summary>Formats a MAC address the way <see cref="IDeviceIdentity.MacAddress"/> promises: 12 lower-case hex digits.</summary>
    public static class MacAddressText
    {
        private const string Digits = "0123456789abcdef";

        /// <summary>Formats a 6-byte MAC, e.g. a4cf12003456.</summary>
        /// <returns>The text, or null when <paramref name="mac"/> is not 6 bytes.</returns>
        public static string Format(byte[] mac)
        {
            if (mac == null || mac.Length != 6)
            {
                return null;
            }

            char[] text = new char[12];
            for (int i = 0; i < 6; i++)
            {
                text[2 * i] = Digits[mac[i] >> 4];
                text[(2 * i) + 1] = Digits[mac[i] & 0x0F];
            }

            return new string(text);
        }
    }
}
