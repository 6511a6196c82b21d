using System.Collections.Generic;

namespace NanoFleet.Station.Partitions
{
    /// <summary>
    /// gen_esp32part.py's <c>parse_int</c>: Python's <c>int(v, 0)</c> (0x/0o/0b prefixes, single
    /// underscores between digits, no leading zeros on decimals), a trailing <c>K</c>/<c>M</c>
    /// (×1024, ×1024², applied recursively as the script does), and, when the number does not parse,
    /// a case-insensitive keyword such as <c>data</c> or <c>nvs</c>.
    /// </summary>
    internal static class PartitionNumber
    {
        /// <summary>The outcome of a parse.</summary>
        public enum Result
        {
            /// <summary>A number or keyword value.</summary>
            Ok,
            /// <summary>Not a number and there are no keywords ("Invalid field value").</summary>
            NotANumber,
            /// <summary>Not a number and not a known keyword.</summary>
            UnknownKeyword,
        }

        /// <summary>Parses <paramref name="text"/> the way gen_esp32part.py does.</summary>
        public static Result Parse(string text, IReadOnlyList<KeyValuePair<string, int>> keywords, out long value)
        {
            string lower = text.ToLowerInvariant();
            if (lower.EndsWith('k') || lower.EndsWith('m'))
            {
                long multiplier = lower.EndsWith('k') ? 1024 : 1024 * 1024;
                var inner = Parse(text.Substring(0, text.Length - 1), keywords, out long innerValue);
                value = inner == Result.Ok ? innerValue * multiplier : 0;
                return inner;
            }

            if (TryParsePythonInt(text, out value)) return Result.Ok;
            if (keywords.Count == 0) return Result.NotANumber;
            if (PartitionKeywords.TryFind(keywords, text, out int keyword))
            {
                value = keyword;
                return Result.Ok;
            }

            return Result.UnknownKeyword;
        }

        /// <summary>Python <c>int(text, 0)</c>, limited to values that fit a long.</summary>
        public static bool TryParsePythonInt(string text, out long value)
        {
            value = 0;
            string s = text.Trim();
            bool negative = false;
            if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
            {
                negative = s[0] == '-';
                s = s.Substring(1);
            }

            int radix = 10;
            if (s.Length >= 2 && s[0] == '0')
            {
                char p = char.ToLowerInvariant(s[1]);
                radix = p switch { 'x' => 16, 'o' => 8, 'b' => 2, _ => 10 };
                if (radix != 10)
                {
                    s = s.Substring(2);
                    // Python allows one underscore right after the prefix: 0x_1F.
                    if (s.StartsWith('_')) s = s.Substring(1);
                }
            }

            if (!TryDigits(s, radix, out long magnitude)) return false;
            if (radix == 10 && s.Length > 1 && s[0] == '0' && magnitude != 0) return false; // 010 is a SyntaxError in Python 3
            value = negative ? -magnitude : magnitude;
            return true;
        }

        private static bool TryDigits(string s, int radix, out long magnitude)
        {
            magnitude = 0;
            if (s.Length == 0 || s[0] == '_' || s[s.Length - 1] == '_') return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '_')
                {
                    if (s[i - 1] == '_') return false;
                    continue;
                }

                int digit = DigitValue(c);
                if (digit < 0 || digit >= radix) return false;
                if (magnitude > (long.MaxValue - digit) / radix) return false;
                magnitude = magnitude * radix + digit;
            }

            return true;
        }

        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'z') return c - 'a' + 10;
            if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
            return -1;
        }
    }
}
