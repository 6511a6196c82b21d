using System;
using System.Text;
using System.Text.RegularExpressions;

namespace NanoFleet.Cli
{
    /// <summary>
    /// Makes text safe to print: a value stored by a device or typed by an operator never moves the cursor,
    /// starts a new line or hides in the terminal. Listings and error lines escape; usage errors are also flattened.
    /// </summary>
    public static partial class TerminalText
    {
        /// <summary>
        /// Escapes control characters (C0, DEL, C1, and the Unicode line and paragraph separators) as
        /// \n, \r, \t or \uXXXX, so every value prints on its own line as exactly what is stored.
        /// </summary>
        public static string Escape(string text)
        {
            int first = 0;
            while (first < text.Length && !NeedsEscape(text[first]))
            {
                first++;
            }

            if (first == text.Length)
            {
                return text; // the common case: nothing to do, nothing allocated
            }

            var escaped = new StringBuilder(text.Length + 8).Append(text, 0, first);
            foreach (char c in text.AsSpan(first))
            {
                escaped.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ when NeedsEscape(c) => $"\\u{(int)c:x4}",
                    _ => c.ToString(),
                });
            }

            return escaped.ToString();
        }

        /// <summary>
        /// One line for a usage error: the line breaks System.CommandLine puts between its own sentences or list
        /// items become a space, then whatever control characters remain (from a value quoted in it) are escaped.
        /// </summary>
        public static string OneLine(string message) => Escape(LineBreaks().Replace(message.Trim(), " "));

        private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

        [GeneratedRegex(@"[ \t]*(\r\n|\r|\n)\s*")]
        private static partial Regex LineBreaks();
    }
}
