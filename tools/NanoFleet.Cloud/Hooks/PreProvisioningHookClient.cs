using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.Hooks
{
    /// <summary>The Lambda input AWS sends to a pre-provisioning hook (payloadVersion 2020-04-01).</summary>
    internal sealed record HookRequest(
        string ClaimCertificateId, string CertificateId, string CertificatePem, string TemplateArn, string ClientId,
        IReadOnlyDictionary<string, string> Parameters);

    /// <summary>
    /// Calls the pre-provisioning hook: an HTTP POST of the Lambda input JSON. Anything but a 2xx answer of
    /// `{"allowProvisioning": true, …}` within the timeout fails RegisterThing with ACCESS_DENIED, as on AWS.
    /// </summary>
    internal sealed class PreProvisioningHookClient : IDisposable
    {
        private readonly HttpClient _http = new() { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        private readonly TimeSpan _timeout;

        public PreProvisioningHookClient(TimeSpan timeout)
        {
            _timeout = timeout;
        }

        /// <summary>Posts the input to the function at <paramref name="url"/>; returns the parameter overrides of an allowing answer.</summary>
        /// <exception cref="ProvisioningException">ACCESS_DENIED, with the reason.</exception>
        public async Task<IReadOnlyDictionary<string, string>> InvokeAsync(Uri url, HookRequest request, CancellationToken cancellationToken)
        {
            string body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["claimCertificateId"] = request.ClaimCertificateId,
                ["certificateId"] = request.CertificateId,
                ["certificatePem"] = request.CertificatePem,
                ["templateArn"] = request.TemplateArn,
                ["clientId"] = request.ClientId,
                ["parameters"] = request.Parameters,
            });
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            string answer;
            try
            {
                using var response = await _http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"), timeout.Token)
                    .ConfigureAwait(false);
                answer = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw Denied($"the hook answered HTTP {(int)response.StatusCode}");
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw Denied($"the hook did not answer within {_timeout.TotalSeconds:0.###} s");
            }
            catch (HttpRequestException ex)
            {
                throw Denied("the hook could not be reached: " + ex.Message);
            }

            return ParseAnswer(answer);
        }

        public void Dispose() => _http.Dispose();

        private static IReadOnlyDictionary<string, string> ParseAnswer(string answer)
        {
            try
            {
                using var doc = JsonDocument.Parse(answer);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("allowProvisioning", out var allow) || allow.ValueKind != JsonValueKind.True)
                {
                    throw Denied("the hook did not return \"allowProvisioning\": true");
                }

                var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
                if (root.TryGetProperty("parameterOverrides", out var map) && map.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in map.EnumerateObject())
                    {
                        overrides[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                    }
                }

                return overrides;
            }
            catch (JsonException)
            {
                throw Denied("the hook's answer is not JSON");
            }
        }

        private static ProvisioningException Denied(string reason) =>
            ProvisioningException.AccessDenied("The pre-provisioning hook denied provisioning: " + reason + ".");
    }
}
