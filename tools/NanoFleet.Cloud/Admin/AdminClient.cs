using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NanoFleet.Cloud.Admin
{
    /// <summary>
    /// Talks to a running emulator's loopback admin endpoint (found through admin.json in its data
    /// directory). `nanofleet cloud` uses it so that changes reach the live broker.
    /// </summary>
    public sealed class AdminClient : IDisposable
    {
        private readonly HttpClient _http;

        private AdminClient(int port, string token)
        {
            _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
            _http.DefaultRequestHeaders.Add(AdminEndpoint.TokenHeader, token);
        }

        /// <summary>A client for the emulator running on <paramref name="dataDirectory"/>, or null when none runs there.</summary>
        public static AdminClient? TryOpen(string dataDirectory)
        {
            string file = Path.Combine(dataDirectory, AdminEndpoint.FileName);
            if (!File.Exists(file))
            {
                return null;
            }

            var info = JsonSerializer.Deserialize<AdminFile>(File.ReadAllText(file));
            return info is null ? null : new AdminClient(info.AdminPort, info.Token);
        }

        /// <summary>GET a route; returns the JSON body.</summary>
        /// <exception cref="InvalidOperationException">The emulator answered an error; the message is its error.</exception>
        /// <exception cref="HttpRequestException">It is not reachable (stale admin.json).</exception>
        public Task<string> GetAsync(string route, CancellationToken cancellationToken = default) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Get, route), cancellationToken);

        /// <summary>POST or PUT a body to a route; returns the JSON body.</summary>
        public Task<string> SendAsync(HttpMethod method, string route, string body, CancellationToken cancellationToken = default) =>
            SendAsync(new HttpRequestMessage(method, route) { Content = new StringContent(body, Encoding.UTF8, "application/json") }, cancellationToken);

        public void Dispose() => _http.Dispose();

        private async Task<string> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                string message = body;
                try
                {
                    message = JsonDocument.Parse(body).RootElement.GetProperty("error").GetString() ?? body;
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or System.Collections.Generic.KeyNotFoundException)
                {
                }

                throw new InvalidOperationException(message);
            }

            return body;
        }
    }
}
