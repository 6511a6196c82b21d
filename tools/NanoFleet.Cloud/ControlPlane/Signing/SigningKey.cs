using System;
using System.Security.Cryptography;
using System.Text;

namespace NanoFleet.Cloud.ControlPlane.Signing
{
    /// <summary>SigV4's key derivation and final signature: HMAC chain over date, region, service and `aws4_request`.</summary>
    public static class SigningKey
    {
        /// <summary>The algorithm name in the Authorization header and the string to sign.</summary>
        public const string Algorithm = "AWS4-HMAC-SHA256";

        /// <summary>The string to sign: algorithm, X-Amz-Date, scope and the canonical request's hash.</summary>
        public static string StringToSign(string amzDate, CredentialScope scope, string canonicalRequest) =>
            $"{Algorithm}\n{amzDate}\n{scope}\n{CanonicalRequest.Hash(Encoding.UTF8.GetBytes(canonicalRequest))}";

        /// <summary>The lower-case hex signature of <paramref name="stringToSign"/> with the key derived from <paramref name="secretAccessKey"/>.</summary>
        public static string Sign(string secretAccessKey, CredentialScope scope, string stringToSign)
        {
            byte[] key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
            foreach (string part in new[] { scope.Date, scope.Region, scope.Service, CredentialScope.Terminator })
            {
                key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
            }

            return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        }
    }
}
