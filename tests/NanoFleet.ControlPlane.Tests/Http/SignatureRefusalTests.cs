using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.ControlPlane.Signing;
using NanoFleet.ControlPlane.Tests.Support;

namespace NanoFleet.ControlPlane.Tests.Http
{
    /// <summary>Requests the control plane must refuse as AWS does: unsigned, unknown key, tampered, expired, wrong scope.</summary>
    public sealed class SignatureRefusalTests
    {
        [Fact]
        public async Task Unsigned_IsMissingAuthenticationToken()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            using var http = new HttpClient();

            using var response = await http.GetAsync(new Uri(cloud.Endpoint, "/provisioning-templates"));

            Assert.Equal(403, (int)response.StatusCode);
            Assert.Equal("MissingAuthenticationTokenException", response.Headers.GetValues("x-amzn-ErrorType").Single());
            Assert.Equal("Missing Authentication Token", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]);
        }

        [Fact]
        public async Task UnknownAccessKey_IsUnrecognizedClient()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            using var client = new ControlPlaneClient(cloud.Endpoint, cloud.Region, "AKIAAAAAAAAAAAAAAAAA", new string('s', 40));

            var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.SendAsync("GET", "/provisioning-templates", null));

            Assert.Equal(("UnrecognizedClientException", 403), (error.ErrorType, error.StatusCode));
        }

        [Fact]
        public async Task TamperedBody_IsInvalidSignatureAndNothingChanges()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var key = cloud.Identity("operator").Key;
            byte[] signedBody = Encoding.UTF8.GetBytes(Create("factory-a", cloud.AccountId));
            byte[] sentBody = Encoding.UTF8.GetBytes(Create("factory-b", cloud.AccountId));
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(cloud.Endpoint, "/provisioning-templates")) { Content = new ByteArrayContent(sentBody) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            RequestSigner.Sign(request, signedBody, key, cloud.Region, "iot", DateTimeOffset.UtcNow);
            using var http = new HttpClient();

            using var response = await http.SendAsync(request);

            Assert.Equal(403, (int)response.StatusCode);
            Assert.Equal("InvalidSignatureException", response.Headers.GetValues("x-amzn-ErrorType").Single());
            Assert.StartsWith("The request signature we calculated does not match the signature you provided.",
                (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!);
            Assert.Empty(await cloud.Emulator.Templates.ListAsync());
        }

        [Fact]
        public async Task TamperedSignedHeader_IsInvalidSignature()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(cloud.Endpoint, "/provisioning-templates?maxResults=5"));
            RequestSigner.Sign(request, Array.Empty<byte>(), cloud.Identity("operator").Key, cloud.Region, "iot", DateTimeOffset.UtcNow);
            request.RequestUri = new Uri(cloud.Endpoint, "/provisioning-templates?maxResults=6");
            using var http = new HttpClient();

            using var response = await http.SendAsync(request);

            Assert.Equal("InvalidSignatureException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        }

        [Theory]
        [InlineData(-6, "Signature expired: ")]
        [InlineData(6, "Signature not yet current: ")]
        public async Task DateMoreThanFiveMinutesOff_IsRefused(int minutes, string message)
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var skewed = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(minutes));
            using var client = cloud.Client(clock: skewed);

            var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.SendAsync("GET", "/provisioning-templates", null));

            Assert.Equal(("InvalidSignatureException", 403), (error.ErrorType, error.StatusCode));
            Assert.StartsWith(message + SigV4Time.Format(skewed.GetUtcNow()), error.Message);
        }

        [Fact]
        public async Task ScopeForAnotherRegion_IsInvalidSignature()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var key = cloud.Identity("operator").Key;
            using var client = new ControlPlaneClient(cloud.Endpoint, "eu-west-1", key.Id, key.Secret);

            var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.SendAsync("GET", "/provisioning-templates", null));

            Assert.Equal("InvalidSignatureException", error.ErrorType);
            Assert.Contains("scoped to a valid region", error.Message);
        }

        private static string Create(string name, string accountId) => new JsonObject
        {
            ["templateName"] = name, ["templateBody"] = Templates.Body, ["provisioningRoleArn"] = Templates.RoleArn(accountId),
        }.ToJsonString();
    }
}
