using System;
using System.Globalization;

namespace NanoFleet.Cloud.ControlPlane.Signing
{
    /// <summary>X-Amz-Date's ISO 8601 basic format, `20150830T123600Z`.</summary>
    public static class SigV4Time
    {
        /// <summary>The header that carries the signing time.</summary>
        public const string Header = "X-Amz-Date";

        private const string Pattern = "yyyyMMdd'T'HHmmss'Z'";

        public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

        public static bool TryParse(string text, out DateTimeOffset time) =>
            DateTimeOffset.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
