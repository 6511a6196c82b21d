using System;
using System.Collections.Generic;
using System.Net.Http;

namespace NanoFleet.Cloud.ControlPlane.Signing
{
    /// <summary>Signs an HTTP request with SigV4 (Authorization header, X-Amz-Date), as the AWS SDKs do.</summary>
    public static class RequestSigner
    {
        /// <summary>Adds X-Amz-Date and Authorization to <paramref name="request"/>, signing host, x-amz-date and, with a body, content-type.</summary>
        /// <param name="body">The exact bytes the request will carry (empty for none).</param>
        public static void Sign(HttpRequestMessage request, byte[] body, AccessKey key, string region, string service, DateTimeOffset time)
        {
            Uri uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
            string amzDate = SigV4Time.Format(time);
            request.Headers.Remove(SigV4Time.Header);
            request.Headers.TryAddWithoutValidation(SigV4Time.Header, amzDate);
            var headers = new List<KeyValuePair<string, string>> { new("host", uri.Authority), new("x-amz-date", amzDate) };
            var signed = new List<string> { "host", "x-amz-date" };
            if (request.Content?.Headers.ContentType is { } contentType)
            {
                headers.Add(new("content-type", contentType.ToString()));
                signed.Insert(0, "content-type");
            }

            var scope = CredentialScope.For(time, region, service);
            string canonical = CanonicalRequest.Build(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), headers, signed, CanonicalRequest.Hash(body));
            string signature = SigningKey.Sign(key.Secret, scope, SigningKey.StringToSign(amzDate, scope, canonical));
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", new AuthorizationHeader(key.Id, scope, signed, signature).ToString());
        }
    }
}
