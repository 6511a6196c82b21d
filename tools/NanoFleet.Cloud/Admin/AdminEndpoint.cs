using System;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud.Functions;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Monitoring;
using NanoFleet.Cloud.Templates;

namespace NanoFleet.Cloud.Admin
{
    /// <summary>
    /// The loopback admin endpoint the `nanofleet cloud` commands use while an emulator runs, so that
    /// changes reach the live emulator (verbs AWS has an operation for use its control plane instead). Its port and a random access token are
    /// written to admin.json in the data directory (owner-only), and removed on stop.
    /// Routes: GET /metrics, GET /things, GET /status, POST /claims {"template", "limits"?}, POST /claims/ID/revoke, DELETE /claims/ID,
    /// GET /claims/usage, PUT /claims/ID/limits (body = ClaimLimits),
    /// PUT /templates/NAME[?enabled=false] (body = template), GET /templates/NAME, PUT /templates/NAME/cli-input
    /// (body = create-provisioning-template input), GET /functions, PUT /functions/NAME {"url"}, DELETE /functions/NAME,
    /// POST /functions/NAME/permissions (body = <see cref="FunctionPermission"/>), GET /functions/NAME/policy,
    /// POST /faults (body = fault spec). AWS IoT's own operations are the control plane's, behind SigV4
    /// and IAM (the CLI's verbs use it; POST /claims/ID/revoke stays for the in-process API's users and tests).
    /// </summary>
    internal sealed class AdminEndpoint : IAsyncDisposable
    {
        public const string FileName = "admin.json";
        public const string TokenHeader = "X-NanoFleet-Admin";
        private readonly FleetEmulator _emulator;
        private readonly string _file;
        private readonly string _token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        private readonly LoopbackHttpServer _server;

        public AdminEndpoint(FleetEmulator emulator, string dataDirectory)
        {
            _emulator = emulator;
            _file = Path.Combine(dataDirectory, FileName);
            _server = new LoopbackHttpServer(0, HandleAsync);
        }

        public int Port => _server.Port;

        public Task StartAsync()
        {
            _server.Start();
            CertificateAuthority.WriteSecret(_file, JsonSerializer.Serialize(new AdminFile(Port, _token, Environment.ProcessId, _emulator.Port, _emulator.ControlPlanePort, _emulator.Options.Region, _emulator.Options.AccountId)));
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
                        var claim = JsonDocument.Parse(request.Body).RootElement;
                        var limits = claim.TryGetProperty("limits", out var given) ? given.Deserialize<ClaimLimits>() : null;
                        return Json(await _emulator.Claims.CreateAsync(claim.GetProperty("template").GetString()!, limits).ConfigureAwait(false));
                    case ("GET", ["claims", "usage"]):
                        return Json(await _emulator.Claims.ListUsageAsync().ConfigureAwait(false));
                    case ("PUT", ["claims", var id, "limits"]):
                        var changed = JsonSerializer.Deserialize<ClaimLimits>(request.Body) ?? throw new JsonException("the body is not claim limits");
                        return await _emulator.Claims.SetLimitsAsync(id, changed).ConfigureAwait(false)
                            ? Json(changed)
                            : Error(404, $"no claim certificate has id {id}");
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
                        return Json(info);
                    case ("GET", ["templates", var name]):
                        return await _emulator.Templates.GetAsync(name).ConfigureAwait(false) is { } stored
                            ? Json(stored)
                            : Error(404, $"template '{name}' does not exist");
                    case ("PUT", ["templates", var name, "cli-input"]):
                        var input = ProvisioningTemplateInput.Parse(request.Body);
                        return input.TemplateName == name
                            ? Json(await input.PutAsync(_emulator.Templates).ConfigureAwait(false))
                            : Error(400, $"the input's templateName '{input.TemplateName}' is not '{name}'");
                    case ("GET", ["functions"]):
                        return Json(await _emulator.Functions.ListAsync().ConfigureAwait(false));
                    case ("PUT", ["functions", var name]):
                        string url = JsonDocument.Parse(request.Body).RootElement.GetProperty("url").GetString()!;
                        return Json(await _emulator.Functions.PutAsync(name, new Uri(url, UriKind.RelativeOrAbsolute)).ConfigureAwait(false));
                    case ("DELETE", ["functions", var name]):
                        return await _emulator.Functions.DeleteAsync(name).ConfigureAwait(false)
                            ? Json(new { deleted = name })
                            : Error(404, $"function {name} does not exist");
                    case ("POST", ["functions", var name, "permissions"]):
                        var permission = JsonSerializer.Deserialize<FunctionPermission>(request.Body)
                            ?? throw new JsonException("the permission is null");
                        return Json(new { Statement = await _emulator.Functions.AddPermissionAsync(name, permission).ConfigureAwait(false) });
                    case ("GET", ["functions", var name, "policy"]):
                        return Json(new { Policy = await _emulator.Functions.GetPolicyAsync(name).ConfigureAwait(false) });
                    case ("POST", ["faults"]):
                        _emulator.Faults.Apply(request.Body);
                        return Json(new { faults = _emulator.Faults.Describe() });
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

    /// <summary>The content of admin.json. ControlPlanePort is 0 when the control plane is not served; Region and
    /// AccountId are what its SigV4 scope and ARNs use.</summary>
    internal sealed record AdminFile(int AdminPort, string Token, int ProcessId, int MqttPort, int ControlPlanePort = 0, string? Region = null, string? AccountId = null);
}
