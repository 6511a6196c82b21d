using System.Text;
using System.Text.RegularExpressions;

namespace NanoFleet.Cloud.ControlPlane.Iam
{
    /// <summary>IAM's wildcards: `*` any run of characters, `?` any one character, everything else literal.</summary>
    internal static class IamGlob
    {
        public static bool Matches(string pattern, string value, bool ignoreCase)
        {
            if (pattern == "*")
            {
                return true;
            }

            var regex = new StringBuilder("^");
            foreach (char c in pattern)
            {
                regex.Append(c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) });
            }

            var options = RegexOptions.CultureInvariant | RegexOptions.Singleline | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            return Regex.IsMatch(value, regex.Append('$').ToString(), options);
        }
    }
}
