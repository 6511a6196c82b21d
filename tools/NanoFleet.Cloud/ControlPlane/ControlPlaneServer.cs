using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.Cloud.ControlPlane.Signing;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.ControlPlane
{
    /// <summary>
    /// AWS IoT's control plane over HTTP on loopback (Kestrel). Per request: SigV4 check against the
    /// emulator's identities → the operation the method and path name → the IAM check of its action and
    /// resource against the caller's policy → the handler → JSON with AWS's names and status codes. Errors
    /// carry AWS's restJson1 shape (<see cref="AwsErrorShape"/>).
    /// </summary>
    internal sealed class ControlPlaneServer : IAsyncDisposable
    {
        /// <summary>The largest body accepted; a template is at most 10,240 characters, a CA certificate a few KiB.</summary>
        private const int MaxBodyBytes = 1 << 20;

        private readonly OperationTable _table;
        private readonly IdentityStore _identities;
        private readonly SignatureVerifier _verifier;
        private readonly CallerAuthorizer _authorizer;
        private readonly EmulatorLog _log;
        private readonly string _accountId;
        private WebApplication? _app;

        public ControlPlaneServer(OperationTable table, IdentityStore identities, string region, string accountId, TimeProvider clock, EmulatorLog log)
        {
            _table = table;
            _identities = identities;
            _verifier = new SignatureVerifier(region, CredentialScope.IotService, clock);
            _authorizer = new CallerAuthorizer(region, accountId);
            _accountId = accountId;
            _log = log;
        }

        /// <summary>The port it listens on, once started.</summary>
        public int Port { get; private set; }

        /// <summary>Listens on 127.0.0.1:<paramref name="port"/> (0 picks a free one).</summary>
        public async Task StartAsync(int port)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = Array.Empty<string>() });
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k =>
            {
                k.Listen(IPAddress.Loopback, port);
                k.Limits.MaxRequestBodySize = MaxBodyBytes;
                k.AddServerHeader = false;
            });
            var app = builder.Build();
            app.Run(HandleAsync);
            await app.StartAsync().ConfigureAwait(false);
            _app = app;
            string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            Port = new Uri(address).Port;
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.StopAsync().ConfigureAwait(false);
                await _app.DisposeAsync().ConfigureAwait(false);
                _app = null;
            }
        }

        private async Task HandleAsync(HttpContext context)
        {
            string target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            string operationName = "?";
            try
            {
                byte[] body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
                string[] parts = target.Split('?', 2);
                var headers = context.Request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? string.Empty))).ToList();
                Identity? caller = null;
                _verifier.Verify(new SignedRequest(context.Request.Method, parts[0], parts.Length > 1 ? parts[1] : string.Empty, headers, body),
                    id => (caller = _identities.FindByAccessKey(id))?.Key);
                var request = _table.Resolve(context.Request.Method, target, ParseBody(body), caller!.Arn(_accountId), out var operation);
                operationName = operation.Name;
                _authorizer.Authorize(caller, operation.Action, operation.ResourceArn(request));
                JsonObject? result = await OperationTable.InvokeAsync(operation, request).ConfigureAwait(false);
                _log.Info("control-plane", null, null, $"{operation.Name} by {caller.Name}: 200");
                context.Response.StatusCode = 200;
                if (result is not null)
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(result.ToJsonString()).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                var error = ex as AwsServiceException ?? Unexpected(ex);
                _log.Info("control-plane", null, null, $"{operationName} {context.Request.Method} {target.Split('?')[0]}: {error.StatusCode} {error.ErrorType}");
                context.Response.StatusCode = error.StatusCode;
                context.Response.Headers[AwsErrorShape.TypeHeader] = error.ErrorType;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(AwsErrorShape.Body(error)).ConfigureAwait(false);
            }
        }

        private AwsServiceException Unexpected(Exception ex)
        {
            if (ex is BadHttpRequestException bad)
            {
                return new AwsServiceException(bad.StatusCode, "InvalidRequestException", bad.Message);
            }

            // The message may quote internals; it goes to the log, the caller gets AWS's generic answer.
            _log.Error("control-plane", null, null, $"internal failure: {ex.GetType().Name}: {ex.Message}");
            return new AwsServiceException(500, "InternalFailureException", "An internal failure occurred.");
        }

        private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
            return buffer.ToArray();
        }

        private static JsonObject? ParseBody(byte[] body)
        {
            if (body.Length == 0)
            {
                return null;
            }

            try
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(body)) as JsonObject
                    ?? throw new AwsServiceException(400, "SerializationException", "The request body must be a JSON object.");
            }
            catch (JsonException ex)
            {
                throw new AwsServiceException(400, "SerializationException", $"The request body is not valid JSON: {ex.Message}");
            }
        }
    }
}
