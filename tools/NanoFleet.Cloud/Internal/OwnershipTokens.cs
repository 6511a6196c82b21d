using System;
using System.Security.Cryptography;
using System.Text;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>
    /// Ownership tokens: 48 random bytes (unguessable), base64url. Only their SHA-256 is stored, next
    /// to the certificate they are bound to, so the registry file never holds a usable token.
    /// </summary>
    internal static class OwnershipTokens
    {
        public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(48));

        public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
