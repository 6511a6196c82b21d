using System;
using System.Collections.Generic;

namespace NanoFleet.Cloud.ControlPlane.Signing
{
    /// <summary>
    /// The SigV4 Authorization header:
    /// `AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request, SignedHeaders=host;x-amz-date, Signature=HEX`.
    /// </summary>
    public sealed record AuthorizationHeader(string AccessKeyId, CredentialScope Scope, IReadOnlyList<string> SignedHeaders, string Signature)
    {
        public override string ToString() =>
            $"{SigningKey.Algorithm} Credential={AccessKeyId}/{Scope}, SignedHeaders={string.Join(';', SignedHeaders)}, Signature={Signature}";

        /// <summary>Parses the header as AWS does.</summary>
        /// <exception cref="AwsServiceException">IncompleteSignatureException naming what is missing or malformed.</exception>
        public static AuthorizationHeader Parse(string header)
        {
            if (!header.StartsWith(SigningKey.Algorithm + " ", StringComparison.Ordinal))
            {
                throw Incomplete($"Authorization header requires the algorithm {SigningKey.Algorithm}.");
            }

            var parts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string part in header[(SigningKey.Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                string[] kv = part.Split('=', 2);
                parts[kv[0]] = kv.Length > 1 ? kv[1] : string.Empty;
            }

            string credential = Required(parts, "Credential");
            string signedHeaders = Required(parts, "SignedHeaders");
            string signature = Required(parts, "Signature");
            int slash = credential.IndexOf('/', StringComparison.Ordinal);
            CredentialScope? scope = slash > 0 ? CredentialScope.TryParse(credential[(slash + 1)..]) : null;
            if (scope is null)
            {
                throw Incomplete($"Credential should be scoped to a valid region, and have the form ACCESS_KEY/DATE/REGION/SERVICE/aws4_request, got '{credential}'.");
            }

            return new AuthorizationHeader(credential[..slash], scope, signedHeaders.Split(';'), signature);
        }

        private static string Required(Dictionary<string, string> parts, string name) =>
            parts.TryGetValue(name, out string? value) && value.Length > 0
                ? value
                : throw Incomplete($"Authorization header requires '{name}' parameter.");

        private static AwsServiceException Incomplete(string message) => new(403, "IncompleteSignatureException", message);
    }
}
