using System.Text.RegularExpressions;

namespace NanoFleet.Cloud.Functions
{
    /// <summary>IAM's `*` / `?` wildcards for the *Like operators and ARNs (no policy variables: Lambda
    /// permissions carry none).</summary>
    internal static class PolicyGlob
    {
        /// <summary>StringLike: `*` any run of characters, `?` one; case-sensitive, as IAM.</summary>
        public static bool Like(string pattern, string value)
        {
            string regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$";
            return Regex.IsMatch(value, regex, RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        /// <summary>ArnLike and ArnEquals (IAM treats them alike): the six colon-separated parts of an ARN are
        /// matched one by one, so a `*` in the region cannot swallow the account.</summary>
        public static bool ArnLike(string pattern, string arn)
        {
            string[] want = pattern.Split(':', 6), have = arn.Split(':', 6);
            if (want.Length != 6 || have.Length != 6)
            {
                return false;
            }

            for (int i = 0; i < 6; i++)
            {
                if (!Like(want[i], have[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
