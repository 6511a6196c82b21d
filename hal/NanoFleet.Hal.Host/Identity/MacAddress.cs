using System;

namespace NanoFleet.Hal.Host.Identity
{
    /// <summary>Parses and formats the 6-byte station MAC that names a device.</summary>
    public static class MacAddress
    {
        /// <summary>Length of a MAC in bytes.</summary>
        public const int Length = 6;

        /// <summary>
        /// Parses "a4:cf:12:00:34:56", "A4-CF-12-00-34-56" or "a4cf12003456" into the 12 lower-case hex
        /// digits <see cref="IDeviceIdentity.MacAddress"/> uses.
        /// </summary>
        /// <param name="text">The MAC as a user typed it.</param>
        /// <param name="normalized">12 lower-case hex digits, or "" on failure.</param>
        /// <returns>True when <paramref name="text"/> is six bytes of hex, optionally separated by ':' or '-'.</returns>
        public static bool TryNormalize(string? text, out string normalized)
        {
            normalized = "";
            if (text is null)
            {
                return false;
            }

            string digits = text.Replace(":", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (digits.Length != Length * 2)
            {
                return false;
            }

            foreach (char c in digits)
            {
                if (!Uri.IsHexDigit(c))
                {
                    return false;
                }
            }

            normalized = digits.ToLowerInvariant();
            return true;
        }

        /// <summary>The six bytes of a normalized MAC.</summary>
        public static byte[] ToBytes(string normalized) => Convert.FromHexString(normalized);

        /// <summary>The normalized form of six MAC bytes.</summary>
        public static string FromBytes(byte[] bytes, int offset) => Convert.ToHexStringLower(bytes, offset, Length);

        /// <summary>"a4:cf:12:00:34:56", for people.</summary>
        public static string ToDisplay(string normalized)
        {
            var parts = new string[Length];
            for (int i = 0; i < Length; i++)
            {
                parts[i] = normalized.Substring(i * 2, 2);
            }

            return string.Join(':', parts);
        }
    }
}
