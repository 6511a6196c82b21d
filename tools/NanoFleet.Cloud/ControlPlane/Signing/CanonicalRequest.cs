using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace NanoFleet.Cloud.ControlPlane.Signing
{
    /// <summary>
    /// SigV4's canonical request: the one text both the signer and the verifier hash, so a request signs and
    /// verifies the same way. Method, canonical URI (the path as sent, URI-encoded once more, as botocore and
    /// the JS SDK do for every service but S3), canonical query (pairs re-encoded and sorted), canonical
    /// headers (lower-case names, trimmed values with inner spaces collapsed), signed header list, payload hash.
    /// </summary>
    public static class CanonicalRequest
    {
        /// <summary>Builds the canonical request.</summary>
        /// <param name="method">The HTTP method as sent.</param>
        /// <param name="rawPath">The path exactly as on the request line (still percent-encoded).</param>
        /// <param name="rawQuery">The query string as sent, without `?`; empty for none.</param>
        /// <param name="headers">The request's headers; only those named in <paramref name="signedHeaders"/> count.</param>
        /// <param name="signedHeaders">Lower-case header names, as in the Authorization header's SignedHeaders.</param>
        /// <param name="payloadHash">Lower-case hex SHA-256 of the body.</param>
        public static string Build(string method, string rawPath, string rawQuery, IEnumerable<KeyValuePair<string, string>> headers,
            IReadOnlyList<string> signedHeaders, string payloadHash)
        {
            var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (name, value) in headers)
            {
                string key = name.ToLowerInvariant();
                if (!values.TryGetValue(key, out var list))
                {
                    values[key] = list = new List<string>();
                }

                list.Add(CollapseSpaces(value));
            }

            var text = new StringBuilder();
            text.Append(method.ToUpperInvariant()).Append('\n');
            text.Append(UriEncode(rawPath.Length == 0 ? "/" : rawPath, keepSlash: true)).Append('\n');
            text.Append(CanonicalQuery(rawQuery)).Append('\n');
            foreach (string name in signedHeaders)
            {
                text.Append(name).Append(':').Append(values.TryGetValue(name, out var list) ? string.Join(',', list) : string.Empty).Append('\n');
            }

            text.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(payloadHash);
            return text.ToString();
        }

        /// <summary>Lower-case hex SHA-256, the payload hash and the hash of the canonical request.</summary>
        public static string Hash(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

        /// <summary>SigV4's URI encoding: every byte but A-Z a-z 0-9 - _ . ~ (and `/` when kept) as %XX, upper-case hex.</summary>
        public static string UriEncode(string text, bool keepSlash)
        {
            var encoded = new StringBuilder(text.Length);
            foreach (byte b in Encoding.UTF8.GetBytes(text))
            {
                char c = (char)b;
                if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
                {
                    encoded.Append(c);
                }
                else
                {
                    encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return encoded.ToString();
        }

        private static string CanonicalQuery(string rawQuery)
        {
            var pairs = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .Select(kv => (Key: UriEncode(Uri.UnescapeDataString(kv[0]), false), Value: kv.Length > 1 ? UriEncode(Uri.UnescapeDataString(kv[1]), false) : string.Empty))
                .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .ThenBy(kv => kv.Value, StringComparer.Ordinal);
            return string.Join('&', pairs.Select(kv => kv.Key + "=" + kv.Value));
        }

        // SigV4 trims a header value and turns each run of spaces into one.
        private static string CollapseSpaces(string value) => string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
