using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace NanoFleet.Cloud.ControlPlane.Signing
{
    /// <summary>
    /// Checks a request's SigV4 signature as AWS does, and refuses with AWS's error types and messages:
    /// no Authorization → MissingAuthenticationTokenException; an access key nobody holds →
    /// UnrecognizedClientException; a scope for another region or service, a changed header, path, query
    /// or body, or a wrong secret → InvalidSignatureException; X-Amz-Date more than 5 minutes from the
    /// clock → InvalidSignatureException "Signature expired" (or "not yet current"). All are 403.
    /// </summary>
    public sealed class SignatureVerifier
    {
        /// <summary>How far X-Amz-Date may be from the clock, AWS's 5 minutes.</summary>
        public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(5);

        private const string SignatureMismatch =
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

        private readonly string _region;
        private readonly string _service;
        private readonly TimeProvider _clock;

        public SignatureVerifier(string region, string service, TimeProvider clock)
        {
            _region = region;
            _service = service;
            _clock = clock;
        }

        /// <summary>Verifies <paramref name="request"/>; returns the key that signed it.</summary>
        /// <param name="findKey">The key with an access key id, or null when none has it.</param>
        /// <exception cref="AwsServiceException">The request is refused; type and message as AWS's.</exception>
        public AccessKey Verify(SignedRequest request, Func<string, AccessKey?> findKey)
        {
            string authorization = request.Header("Authorization") ?? throw new AwsServiceException(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
            var header = AuthorizationHeader.Parse(authorization);
            var key = findKey(header.AccessKeyId) ?? throw new AwsServiceException(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
            string amzDate = request.Header(SigV4Time.Header)
                ?? throw new AwsServiceException(403, "IncompleteSignatureException", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
            if (!SigV4Time.TryParse(amzDate, out var signedAt))
            {
                throw new AwsServiceException(403, "IncompleteSignatureException", $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'.");
            }

            CheckClock(amzDate, signedAt);
            if (header.Scope.Region != _region)
            {
                throw InvalidSignature($"Credential should be scoped to a valid region, not '{header.Scope.Region}'. ");
            }

            if (header.Scope.Service != _service)
            {
                throw InvalidSignature($"Credential should be scoped to correct service: '{_service}'. ");
            }

            if (header.Scope.Date != amzDate[..8] || !header.SignedHeaders.Contains("host"))
            {
                throw InvalidSignature(SignatureMismatch);
            }

            string canonical = CanonicalRequest.Build(request.Method, request.RawPath, request.RawQuery, request.Headers, header.SignedHeaders, CanonicalRequest.Hash(request.Body));
            string expected = SigningKey.Sign(key.Secret, header.Scope, SigningKey.StringToSign(amzDate, header.Scope, canonical));
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header.Signature)))
            {
                throw InvalidSignature(SignatureMismatch);
            }

            return key;
        }

        private void CheckClock(string amzDate, DateTimeOffset signedAt)
        {
            var now = _clock.GetUtcNow();
            if (signedAt < now - AllowedSkew)
            {
                throw InvalidSignature($"Signature expired: {amzDate} is now earlier than {SigV4Time.Format(now - AllowedSkew)} ({SigV4Time.Format(now)} - 5 min.)");
            }

            if (signedAt > now + AllowedSkew)
            {
                throw InvalidSignature($"Signature not yet current: {amzDate} is still later than {SigV4Time.Format(now + AllowedSkew)} ({SigV4Time.Format(now)} + 5 min.)");
            }
        }

        private static AwsServiceException InvalidSignature(string message) => new(403, "InvalidSignatureException", message);
    }
}
