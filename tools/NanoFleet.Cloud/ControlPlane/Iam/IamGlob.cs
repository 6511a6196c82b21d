using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace NanoFleet.Cloud.ControlPlane.Iam
{
    /// <summary>IAM's wildcards: `*` any run of characters, `?` any one character, everything else literal. Used by
    /// the IAM evaluator and by Lambda's resource-policy check.</summary>
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
            return Regex.IsMatch(value, regex.Append(@"\z").ToString(), options);
        }

        /// <summary>ArnLike and ArnEquals (IAM treats them alike): the six colon-separated parts of an ARN
        /// (arn:partition:service:region:account:resource) are matched one by one, so a glob never crosses a colon of the first five.</summary>
        public static bool ArnMatches(string pattern, string arn)
        {
            string[] expected = pattern.Split(':', 6);
            string[] actual = arn.Split(':', 6);
            return expected.Length == 6 && actual.Length == 6 && expected.Zip(actual).All(p => Matches(p.First, p.Second, ignoreCase: false));
        }
    }
}
