using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.Hooks
{
    /// <summary>
    /// A ready-made local pre-provisioning hook: an HTTP endpoint on 127.0.0.1 that allows provisioning
    /// only when a RegisterThing parameter (e.g. SerialNumber) is on its allow-list, like the Lambda AWS's
    /// docs sketch. Register <see cref="Url"/> as a function and name it as a template's hook.
    /// </summary>
    /// <example><code>
    /// await using var hook = new AllowListHook("SerialNumber", new[] { "SN-1", "SN-2" });
    /// await hook.StartAsync();
    /// await emulator.Functions.HookTemplateAsync("fleet", "allow-list", hook.Url);
    /// </code></example>
    public sealed class AllowListHook : IAsyncDisposable
    {
        private readonly string _parameter;
        private readonly ConcurrentDictionary<string, byte> _allowed = new(StringComparer.Ordinal);
        private readonly IReadOnlyDictionary<string, string> _overrides;
        private readonly LoopbackHttpServer _server;
        private int _requests;

        /// <summary>Creates the hook (not yet listening).</summary>
        /// <param name="parameter">The RegisterThing parameter to check.</param>
        /// <param name="allowed">Values that are allowed.</param>
        /// <param name="parameterOverrides">Overrides returned with every allowing answer.</param>
        public AllowListHook(string parameter, IEnumerable<string> allowed, IReadOnlyDictionary<string, string>? parameterOverrides = null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(parameter);
            _parameter = parameter;
            foreach (string value in allowed)
            {
                _allowed[value] = 0;
            }

            _overrides = parameterOverrides ?? new Dictionary<string, string>();
            _server = new LoopbackHttpServer(0, HandleAsync);
        }

        /// <summary>The URL to register as the hook's function.</summary>
        public Uri Url => new($"http://127.0.0.1:{_server.Port}/hook");

        /// <summary>How many hook calls were answered.</summary>
        public int Requests => Volatile.Read(ref _requests);

        /// <summary>Allows one more value while running.</summary>
        public void Allow(string value) => _allowed[value] = 0;

        /// <summary>Starts listening on a free loopback port.</summary>
        public Task StartAsync()
        {
            _server.Start();
            return Task.CompletedTask;
        }

        /// <summary>Stops listening.</summary>
        public ValueTask DisposeAsync() => _server.DisposeAsync();

        private Task<HttpResponseData> HandleAsync(HttpRequestData request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            bool allow = false;
            try
            {
                using var doc = JsonDocument.Parse(request.Body);
                allow = doc.RootElement.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object &&
                        parameters.TryGetProperty(_parameter, out var value) && value.ValueKind == JsonValueKind.String &&
                        _allowed.ContainsKey(value.GetString()!);
            }
            catch (JsonException)
            {
                return Task.FromResult(new HttpResponseData(400, "{\"error\":\"body is not JSON\"}"));
            }

            string body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["allowProvisioning"] = allow,
                ["parameterOverrides"] = allow ? _overrides : new Dictionary<string, string>(),
            });
            return Task.FromResult(new HttpResponseData(200, body));
        }
    }
}
