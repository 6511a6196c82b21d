namespace NanoFleet.Provisioning.Text
{
    /// <summary>
    /// The string operations the nanoCLR gets wrong once a string holds a character outside the
    /// BMP (its <c>IndexOf</c> then returns -1 and <c>Substring</c> returns U+FFFD for each half; see
    /// <see cref="Utf8"/>), done instead on one whole <c>ToCharArray()</c>, the only view of such a
    /// string that is right there. For text from the outside: error codes and messages, config values.
    /// </summary>
    internal static class WholeChars
    {
        /// <summary>True when <paramref name="text"/> contains <paramref name="part"/> (ordinal); false for null text.</summary>
        public static bool Contains(string? text, string part)
        {
            if (text == null)
            {
                return false;
            }

            char[] chars = text.ToCharArray();
            char[] sought = part.ToCharArray();
            for (int start = 0; start + sought.Length <= chars.Length; start++)
            {
                int i = 0;
                while (i < sought.Length && chars[start + i] == sought[i])
                {
                    i++;
                }

                if (i == sought.Length)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <paramref name="text"/> itself when it has at most <paramref name="maxChars"/> UTF-16
        /// units, else its first ones and "...", never cutting a surrogate pair in two.
        /// </summary>
        public static string Shorten(string? text, int maxChars)
        {
            if (text == null)
            {
                return "";
            }

            if (text.Length <= maxChars)
            {
                return text;
            }

            char[] chars = text.ToCharArray();
            int keep = maxChars;
            if (chars[keep - 1] >= 0xD800 && chars[keep - 1] <= 0xDBFF)
            {
                keep--; // the high half of a pair whose low half would be cut off
            }

            return new string(chars, 0, keep) + "...";
        }
    }
}
