using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using NanoFleet.Cloud.ControlPlane.Signing;

namespace NanoFleet.ControlPlane.Tests.Signing
{
    /// <summary>
    /// AWS's published SigV4 test suite (AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1, service "service"):
    /// the signer must produce AWS's exact signatures, and the canonical request AWS's exact text.
    /// </summary>
    public sealed class SigV4TestSuiteTests
    {
        private static readonly AccessKey Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        private static readonly DateTimeOffset Time = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

        [Theory]
        [InlineData("get-vanilla", "GET", "/", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
        [InlineData("post-vanilla", "POST", "/", "", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
        [InlineData("post-vanilla-query", "POST", "/", "Param1=value1", "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11")]
        public void Sign_TestSuiteVanillaRequests_MatchAwsSignatures(string name, string method, string path, string query, string expected)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), new Uri("https://example.amazonaws.com" + path + (query.Length > 0 ? "?" + query : string.Empty)));

            RequestSigner.Sign(request, Array.Empty<byte>(), Example, "us-east-1", "service", Time);

            var header = AuthorizationHeader.Parse(string.Join(",", request.Headers.GetValues("Authorization")));
            Assert.True(expected == header.Signature, name);
            Assert.Equal(new[] { "host", "x-amz-date" }, header.SignedHeaders);
            Assert.Equal("20150830T123600Z", Assert.Single(request.Headers.GetValues("X-Amz-Date")));
        }

        [Fact]
        public void Sign_TestSuiteFormBody_SignsContentTypeAndBodyHash()
        {
            byte[] body = Encoding.UTF8.GetBytes("Param1=value1");
            var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/") { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");

            RequestSigner.Sign(request, body, Example, "us-east-1", "service", Time);

            Assert.Equal(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
                Assert.Single(request.Headers.GetValues("Authorization")));
        }

        [Fact]
        public void Build_TestSuiteHeaderValueTrim_TrimsAndCollapsesSpaces()
        {
            var headers = new List<KeyValuePair<string, string>>
            {
                new("Host", "example.amazonaws.com"), new("My-Header1", " value1"), new("My-Header2", " \"a   b   c\""), new("X-Amz-Date", "20150830T123600Z"),
            };
            string[] signed = { "host", "my-header1", "my-header2", "x-amz-date" };

            string canonical = CanonicalRequest.Build("GET", "/", string.Empty, headers, signed, CanonicalRequest.Hash(Array.Empty<byte>()));
            var scope = new CredentialScope("20150830", "us-east-1", "service");

            Assert.Equal(
                "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                canonical);
            Assert.Equal("acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736",
                SigningKey.Sign(Example.Secret, scope, SigningKey.StringToSign("20150830T123600Z", scope, canonical)));
        }

        [Fact]
        public void Build_QueryPairs_SortedByKeyAndReEncoded()
        {
            string canonical = CanonicalRequest.Build("GET", "/provisioning-templates", "nextToken=a%2Bb%3D&maxResults=2", Array.Empty<KeyValuePair<string, string>>(), Array.Empty<string>(), "x");

            Assert.Equal("maxResults=2&nextToken=a%2Bb%3D", canonical.Split('\n')[2]);
        }
    }
}
