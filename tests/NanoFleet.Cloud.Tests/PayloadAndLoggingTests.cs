using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MQTTnet.Formatter;
using NanoFleet.Cloud.Admin;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>Request shapes AWS's SDKs send, malformed payloads, MQTT 5, logs without secrets, the admin endpoint.</summary>
    public class PayloadAndLoggingTests
    {
        [Theory]
        [InlineData("json", new byte[0])] // the docs: "empty message payload"
        [InlineData("json", new byte[] { (byte)'{', (byte)'}' })] // what the Python SDK sends
        [InlineData("cbor", new byte[0])]
        public async Task CreateKeys_AcceptsEmptyAndEmptyObjectPayloads(string format, byte[] payload)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            Assert.True((await device.RequestAsync($"$aws/certificates/create/{format}", payload)).Accepted);
        }

        [Fact]
        public async Task RegisterThing_IgnoresTemplateNameInTheBody_OverMqtt5()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim, version: MqttProtocolVersion.V500);
            var created = await Flow.CreateKeysAsync(device);
            var body = new Dictionary<string, object>
            {
                ["certificateOwnershipToken"] = created.Text("certificateOwnershipToken"),
                ["templateName"] = "something-else",
                ["parameters"] = new Dictionary<string, string> { ["SerialNumber"] = "9" },
            };
            var registered = await device.RequestAsync("$aws/provisioning-templates/fleet/provision/json", TestPayloads.Encode(body, false));
            Assert.Equal("ThingPrefix_9", registered.Text("thingName"));
        }

        [Theory]
        [InlineData("json", new byte[] { (byte)'{', (byte)'x' }, "not valid JSON")]
        [InlineData("cbor", new byte[] { 0xA1, 0x01 }, "not valid CBOR")]
        [InlineData("json", new byte[] { (byte)'[', (byte)']' }, "not a JSON object")]
        public async Task MalformedPayload_IsInvalidRequest(string format, byte[] payload, string expected)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            var answer = await device.RequestAsync($"$aws/provisioning-templates/fleet/provision/{format}", payload);
            Assert.False(answer.Accepted);
            Assert.Equal("InvalidRequestException", answer.Text("errorCode"));
            Assert.Contains(expected, answer.Text("errorMessage"));
        }

        [Fact]
        public async Task Logs_NameStepClientAndCertificate_ButNeverKeysOrTokens()
        {
            await using var env = await TestEmulator.StartAsync();
            var lines = new ConcurrentQueue<string>();
            env.Emulator.LogWritten += (_, e) => lines.Enqueue(e.ToString());
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim, "dev-42");
            var (created, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));
            Assert.True(registered.Accepted);
            await Flow.RegisterAsync(device, "fleet", "bogus-token-value", Flow.Serial("1"));

            string all = string.Join("\n", lines);
            Assert.Contains($"step=RegisterThing client=dev-42 cert={created.Text("certificateId")}", all);
            Assert.Contains("step=CreateKeysAndCertificate", all);
            Assert.DoesNotContain("PRIVATE KEY", all);
            Assert.DoesNotContain(created.Text("certificateOwnershipToken"), all);
            Assert.DoesNotContain("bogus-token-value", all);
        }

        [Fact]
        public async Task AdminEndpoint_ServesMetricsAndRevokesLiveClaims()
        {
            await using var env = await TestEmulator.StartAsync(b => b.WithAdminEndpoint());
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));

            using var admin = AdminClient.TryOpen(env.Directory);
            Assert.NotNull(admin);
            Assert.Contains("\"ApproximateNumberOfThingsRegistered\":1", await admin.GetAsync("metrics"));
            Assert.Contains("ThingPrefix_1", await admin.GetAsync("things"));
            await admin.SendAsync(HttpMethod.Post, $"claims/{claim.CertificateId}/revoke", "{}");
            await device.Disconnected.WaitAsync(TimeSpan.FromSeconds(10));
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => admin.SendAsync(HttpMethod.Put, "templates/bad", "{}"));
            Assert.Contains("Resources", error.Message);
        }
    }
}
