using System;
using System.Text;
using System.Text.RegularExpressions;

namespace NanoFleet.Cloud.Internal.Policies
{
    /// <summary>
    /// A Resource or condition value: `*` and `?` globs written in the policy, with `${…}` variables substituted
    /// literally. A substituted value is escaped, so its own `*` or `?` matches only that character; a value holding
    /// a topic separator or wildcard (`/ + # * ?`) is refused outright (the pattern is undecided), because even
    /// literally it would reach into another level of the topic tree (thing `B/x` inside `devices/B/…`) or, in a
    /// topicfilter resource, stand for a wildcard subscription.
    /// </summary>
    internal static class PolicyPattern
    {
        private static readonly char[] ReachingCharacters = { '/', '+', '#', '*', '?', '\0' };

        /// <summary>True or false when decided; null when a variable has no usable value for this connection.</summary>
        public static bool? Matches(string pattern, string value, PolicyVariables variables, bool glob)
        {
            if (glob && pattern == "*")
            {
                return true;
            }

            var regex = new StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '$' && i + 1 < pattern.Length && pattern[i + 1] == '{')
                {
                    int end = pattern.IndexOf('}', i + 2);
                    string? substituted = end < 0 ? null : variables.Resolve(pattern[(i + 2)..end]);
                    if (substituted is null || substituted.IndexOfAny(ReachingCharacters) >= 0)
                    {
                        return null;
                    }

                    regex.Append(Regex.Escape(substituted));
                    i = end;
                }
                else if (glob && pattern[i] == '*')
                {
                    regex.Append(".*");
                }
                else if (glob && pattern[i] == '?')
                {
                    regex.Append('.');
                }
                else
                {
                    regex.Append(Regex.Escape(pattern[i].ToString()));
                }
            }

            return Regex.IsMatch(value, regex.Append(@"\z").ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        /// <summary>The `${…}` names in <paramref name="pattern"/>, for the store-time check.</summary>
        public static System.Collections.Generic.IEnumerable<string> VariablesIn(string pattern)
        {
            for (int i = pattern.IndexOf("${", StringComparison.Ordinal); i >= 0; i = pattern.IndexOf("${", i + 2, StringComparison.Ordinal))
            {
                int end = pattern.IndexOf('}', i + 2);
                yield return end < 0 ? pattern[i..] : pattern[(i + 2)..end];
            }
        }
    }
}
