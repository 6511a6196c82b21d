using System.Collections.Generic;

namespace NanoFleet.Cloud.ControlPlane.Signing
{
    /// <summary>A request as it arrived, for verification: the path and query exactly as on the request line, every header, the body bytes.</summary>
    public sealed record SignedRequest(string Method, string RawPath, string RawQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
    {
        /// <summary>The first value of a header (names compare case-insensitively), or null.</summary>
        public string? Header(string name)
        {
            foreach (var (key, value) in Headers)
            {
                if (string.Equals(key, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            return null;
        }
    }
}
