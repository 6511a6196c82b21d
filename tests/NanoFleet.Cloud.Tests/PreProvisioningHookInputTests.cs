using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>The hook receives exactly AWS's Lambda input (aws-fleet-provisioning.md §3), field by field.</summary>
    public class PreProvisioningHookInputTests
    {
        [Fact]
        public async Task Hook_ReceivesTheLambdaInput_FieldByField()
        {
            var requests = new ConcurrentQueue<HttpRequestData>();
            await using var hook = new LoopbackHttpServer(0, (request, _) =>
            {
                requests.Enqueue(request);
                return Task.FromResult(new HttpResponseData(200, "{\"allowProvisioning\":true}"));
            });
            hook.Start();
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet, new Uri($"http://127.0.0.1:{hook.Port}/"));
            await using var device = await env.ConnectAsync(claim, "factory-line-3");
            var parameters = new Dictionary<string, string> { ["SerialNumber"] = "SN-1", ["Batch"] = "2024-07" };
            var (created, registered) = await Flow.ProvisionAsync(device, "fleet", parameters);
            Assert.True(registered.Accepted);

            var request = Assert.Single(requests);
            Assert.Equal("POST", request.Method);
            using var input = JsonDocument.Parse(request.Body);
            var fields = input.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
            Assert.Equal(new[] { "certificateId", "certificatePem", "claimCertificateId", "clientId", "parameters", "templateArn" },
                fields.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(claim.CertificateId, fields["claimCertificateId"].GetString());
            Assert.Equal(created.Text("certificateId"), fields["certificateId"].GetString());
            Assert.Equal(created.Text("certificatePem"), fields["certificatePem"].GetString());
            Assert.Equal("arn:aws:iot:us-east-1:123456789012:provisioningtemplate/fleet", fields["templateArn"].GetString());
            Assert.Equal("factory-line-3", fields["clientId"].GetString());
            // The request's parameters as the device sent them, without the template's Default for DeviceLocation.
            Assert.Equal(parameters, fields["parameters"].Deserialize<Dictionary<string, string>>());
        }
    }
}
