using System;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.Admin
{
    /// <summary>
    /// The loopback admin endpoint the `nanofleet cloud` commands use while an emulator runs, so that
    /// changes (revocation above all) reach the live broker. Its port and a random access token are
    /// written to admin.json in the data directory (owner-only), and removed on stop.
    /// Routes: GET /metrics, GET /things, GET /status, POST /claims {"template"}, POST /claims/ID/revoke, DELETE /claims/ID,
    /// PUT /templates/NAME[?enabled=false] (body = template), POST /faults (body = fault spec), and /iot/PATH: an AWS IoT
    /// control-plane operation (AWS request and response shapes; errors as "ErrorType: message").
    /// </summary>
    internal sealed class AdminEndpoint : IAsyncDisposable
    {
        public const string FileName = "admin.json";
        public const string TokenHeader = "X-NanoFleet-Admin";
        private readonly FleetEmulator _emulator;
        private readonly ControlPlane.OperationTable _operations;
        private readonly string _file;
        private readonly string _token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        private readonly LoopbackHttpServer _server;

        public AdminEndpoint(FleetEmulator emulator, string dataDirectory)
        {
            _emulator = emulator;
            _operations = ControlPlane.Operations.ControlPlaneOperations.Build(emulator);
            _file = Path.Combine(dataDirectory, FileName);
            _server = new LoopbackHttpServer(0, HandleAsync);
        }

        public int Port => _server.Port;

        public Task StartAsync()
        {
            _server.Start();
            CertificateAuthority.WriteSecret(_file, JsonSerializer.Serialize(new AdminFile(Port, _token, Environment.ProcessId, _emulator.Port)));
            return Task.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            File.Delete(_file);
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        private async Task<HttpResponseData> HandleAsync(HttpRequestData request, CancellationToken cancellationToken)
        {
            if (!request.Headers.TryGetValue(TokenHeader, out string? token) ||
                !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(token), System.Text.Encoding.ASCII.GetBytes(_token)))
            {
                return Error(401, "missing or wrong admin token (read it from admin.json in the data directory)");
            }

            string[] path = request.Path.Split('?', 2);
            string query = path.Length > 1 ? path[1] : string.Empty;
            string[] segments = path[0].Trim('/').Split('/');
            try
            {
                switch (request.Method, segments)
                {
                    case ("GET", ["metrics"]):
                        return Json(_emulator.Metrics.Snapshot());
                    case ("GET", ["things"]):
                        return Json(await _emulator.Things.ListAsync().ConfigureAwait(false));
                    case ("GET", ["status"]):
                        return Json(new { port = _emulator.Port, connectedClients = _emulator.ConnectedClients, faults = _emulator.Faults.Describe() });
                    case ("POST", ["claims"]):
                        string template = JsonDocument.Parse(request.Body).RootElement.GetProperty("template").GetString()!;
                        return Json(await _emulator.Claims.CreateAsync(template).ConfigureAwait(false));
                    case ("POST", ["claims", var id, "revoke"]):
                        return await _emulator.Claims.RevokeAsync(id).ConfigureAwait(false)
                            ? Json(new { revoked = id })
                            : Error(404, $"no claim certificate has id {id}");
                    case ("DELETE", ["claims", var id]):
                        return await _emulator.Claims.DeleteAsync(id).ConfigureAwait(false)
                            ? Json(new { deleted = id })
                            : Error(404, $"no claim certificate has id {id}");
                    case ("PUT", ["templates", var name]):
                        var info = await _emulator.Templates.PutAsync(name, request.Body, !query.Contains("enabled=false", StringComparison.Ordinal))
                            .ConfigureAwait(false);
                        return Json(new { info.Name, info.DefaultVersion, info.Enabled });
                    case ("POST", ["faults"]):
                        _emulator.Faults.Apply(request.Body);
                        return Json(new { faults = _emulator.Faults.Describe() });
                    case (var method, ["iot", .. var operation]):
                        // AWS IoT control-plane operations (the CA ones first) in AWS's request and response shapes, for the CLI.
                        var body = request.Body.Length == 0 ? null : System.Text.Json.Nodes.JsonNode.Parse(request.Body) as System.Text.Json.Nodes.JsonObject;
                        var result = await _operations.DispatchAsync(method, "/" + string.Join('/', operation) + (query.Length > 0 ? "?" + query : ""), body, "admin")
                            .ConfigureAwait(false);
                        return new HttpResponseData(200, result?.ToJsonString() ?? "{}");
                    default:
                        return Error(404, $"no route {request.Method} {path[0]}");
                }
            }
            catch (ControlPlane.AwsServiceException ex)
            {
                return Error(ex.StatusCode, ex.ErrorType + ": " + ex.Message);
            }
            catch (ResourceNotFoundException ex)
            {
                return Error(404, ex.Message);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or JsonException or InvalidOperationException or
                                           System.Collections.Generic.KeyNotFoundException)
            {
                return Error(400, ex.Message);
            }
        }

        private static HttpResponseData Json(object value) => new(200, JsonSerializer.Serialize(value));

        private static HttpResponseData Error(int status, string message) => new(status, JsonSerializer.Serialize(new { error = message }));
    }

    /// <summary>The content of admin.json.</summary>
    internal sealed record AdminFile(int AdminPort, string Token, int ProcessId, int MqttPort);
}
