using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud.Admin;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.Cloud.ControlPlane.Signing;

namespace NanoFleet.Cloud.ControlPlane
{
    /// <summary>
    /// A SigV4-signed client of an AWS IoT control plane (the emulator's, or AWS's own): what the
    /// `nanofleet cloud` verbs use. It sends JSON and reads AWS's error shape back as <see cref="AwsServiceException"/>.
    /// </summary>
    /// <example><code>
    /// using var client = new ControlPlaneClient(new Uri("http://127.0.0.1:4567"), "us-east-1", keyId, secret);
    /// JsonObject? template = await client.SendAsync("GET", "/provisioning-templates/factory-a", null);
    /// </code></example>
    public sealed class ControlPlaneClient : IDisposable
    {
        private readonly HttpClient _http;
        private readonly string _region;
        private readonly AccessKey _key;
        private readonly TimeProvider _clock;

        /// <param name="endpoint">The control plane's base address, e.g. http://127.0.0.1:4567.</param>
        /// <param name="region">The region the signature is scoped to.</param>
        /// <param name="accessKeyId">The caller's access key id.</param>
        /// <param name="secretAccessKey">Its secret; only used to sign.</param>
        /// <param name="clock">The signing clock; null for the system's (tests pass a skewed one).</param>
        public ControlPlaneClient(Uri endpoint, string region, string accessKeyId, string secretAccessKey, TimeProvider? clock = null)
        {
            _http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(60) };
            _region = region;
            _key = new AccessKey(accessKeyId, secretAccessKey);
            _clock = clock ?? TimeProvider.System;
        }

        /// <summary>
        /// A client of the control plane of the emulator running on <paramref name="dataDirectory"/>, signed as
        /// <paramref name="identity"/>; null when no emulator runs there or it serves no control plane.
        /// </summary>
        /// <exception cref="InvalidOperationException">The data directory has no identity by that name.</exception>
        public static ControlPlaneClient? TryOpen(string dataDirectory, string identity = DefaultIdentities.Operator)
        {
            string file = Path.Combine(dataDirectory, AdminEndpoint.FileName);
            if (!File.Exists(file) || JsonSerializer.Deserialize<AdminFile>(File.ReadAllText(file)) is not { ControlPlanePort: > 0, Region: { } region } running)
            {
                return null;
            }

            var caller = new IdentityStore(dataDirectory).Get(identity)
                ?? throw new InvalidOperationException($"the data directory {dataDirectory} has no identity named '{identity}'");
            return new ControlPlaneClient(new Uri($"http://127.0.0.1:{running.ControlPlanePort}"), region, caller.Key.Id, caller.Key.Secret);
        }

        /// <summary>Sends one signed call.</summary>
        /// <param name="method">GET, POST, PUT, PATCH or DELETE.</param>
        /// <param name="pathAndQuery">The escaped path and query, e.g. `/provisioning-templates?maxResults=2`.</param>
        /// <param name="body">The JSON body, or null for none.</param>
        /// <returns>The JSON response, or null when the body is empty.</returns>
        /// <exception cref="AwsServiceException">The service answered an error (its type, status and message).</exception>
        /// <exception cref="HttpRequestException">The endpoint is not reachable.</exception>
        public async Task<JsonObject?> SendAsync(string method, string pathAndQuery, JsonObject? body, CancellationToken cancellationToken = default)
        {
            byte[] bytes = body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(body.ToJsonString());
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_http.BaseAddress!, pathAndQuery));
            if (body is not null)
            {
                request.Content = new ByteArrayContent(bytes);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            }

            RequestSigner.Sign(request, bytes, _key, _region, CredentialScope.IotService, _clock.GetUtcNow());
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw AwsErrorShape.Read(response, text);
            }

            return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        }

        public void Dispose() => _http.Dispose();
    }
}
