using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using MQTTnet;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>Responses reach only the requester; the registry, policies included, survives a restart.</summary>
    public class IsolationAndRestartTests
    {
        [Fact]
        public async Task TwoSimultaneousDevices_EachGetOnlyTheirOwnResponses()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var a = await env.ConnectAsync(claim);
            await using var b = await env.ConnectAsync(claim);
            await Flow.CreateKeysAsync(a); // subscribes a to the create responses
            await b.SubscribeAsync("$aws/certificates/create/json/accepted");
            await b.SubscribeAsync("$aws/certificates/create/json/rejected");

            var both = await Task.WhenAll(Flow.ProvisionAsync(a, "fleet", Flow.Serial("A")), Flow.ProvisionAsync(b, "fleet", Flow.Serial("B")));
            Assert.Equal("ThingPrefix_A", both[0].Registered.Text("thingName"));
            Assert.Equal("ThingPrefix_B", both[1].Registered.Text("thingName"));
            Assert.NotEqual(both[0].Created.Text("certificateId"), both[1].Created.Text("certificateId"));
            Assert.True(await a.NothingWithinAsync(TimeSpan.FromMilliseconds(300)));
            Assert.True(await b.NothingWithinAsync(TimeSpan.FromMilliseconds(10)));
        }

        [Fact]
        public async Task Restart_KeepsThingsTemplatesClaimsAndCertificates()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            ApiResponse created;
            await using (var device = await env.ConnectAsync(claim))
            {
                (created, _) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));
            }

            string caBefore = env.Emulator.CaCertificatePem;
            await env.RestartAsync();

            Assert.Equal(caBefore, env.Emulator.CaCertificatePem);
            Assert.NotNull(await env.Emulator.Things.GetAsync("ThingPrefix_1"));
            Assert.Equal(1, (await env.Emulator.Templates.GetAsync("fleet"))!.DefaultVersion);
            await using var thing = await TestDevice.ConnectAsync(env.Emulator.Port, env.Emulator.CaCertificatePem,
                created.Text("certificatePem"), created.Text("privateKey"), "ThingPrefix_1");
            Assert.True(thing.IsConnected);
            await using var again = await env.ConnectAsync(claim);
            var (_, registered) = await Flow.ProvisionAsync(again, "fleet", Flow.Serial("2"));
            Assert.True(registered.Accepted);
            Assert.Equal(2, (await env.Emulator.Things.ListAsync()).Count);
        }

        [Fact]
        public async Task Restart_KeepsPoliciesAndTheirAttachments()
        {
            const string Telemetry = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Subscribe\"," +
                "\"Resource\":\"arn:aws:iot:*:*:topicfilter/telemetry/${iot:Connection.Thing.ThingName}/*\"}]}";
            await using var env = await TestEmulator.StartAsync();
            await env.Emulator.Policies.PutAsync("telemetry", Telemetry);
            var claim = await env.TemplateAndClaimAsync("t", TemplateBodies.WithThingName("{\"Ref\": \"SerialNumber\"}",
                policiesJson: TemplateBodies.PolicyDocumentResource("own", TemplateBodies.ThingConfinedPolicy) + ", " + TemplateBodies.PolicyNameResource("named", "telemetry")));
            ApiResponse created;
            await using (var device = await env.ConnectAsync(claim))
            {
                ApiResponse registered;
                (created, registered) = await Flow.ProvisionAsync(device, "t", Flow.Serial("lamp-1"));
                Assert.True(registered.Accepted);
            }

            await env.RestartAsync();

            // The template's document became a policy named by its SHA-256, as on AWS; the named one is unchanged.
            string hashName = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TemplateBodies.ThingConfinedPolicy)));
            Assert.Equal(TemplateBodies.ThingConfinedPolicy, await env.Emulator.Policies.GetAsync(hashName));
            Assert.Equal(Telemetry, await env.Emulator.Policies.GetAsync("telemetry"));
            // Both are still attached to the certificate: each one's grants, and only those, still apply.
            await Assert.ThrowsAsync<InvalidOperationException>(() => env.ConnectThingAsync(created, "lamp-2"));
            await using var thing = await env.ConnectThingAsync(created, "lamp-1");
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await thing.SubscribeAsync("devices/lamp-1/cmd"));
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await thing.SubscribeAsync("telemetry/lamp-1/temp"));
            Assert.True((int)await thing.SubscribeAsync("telemetry/lamp-2/temp") >= 0x80);
        }

        [Fact]
        public async Task RegisterThingAgainForAnExistingThing_AppliesOverrideSettings()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));
            await env.Emulator.Templates.PutAsync("fleet", TemplateBodies.Fleet.Replace("lightBulb-versionA", "lightBulb-versionB")
                .Replace("\"version\": \"v1\"", "\"version\": \"v2\", \"color\": \"red\"").Replace("v1-lightbulbs", "v2-lightbulbs"));
            var (_, second) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));
            Assert.True(second.Accepted, second.Body.GetValueOrDefault("errorMessage") as string);
            var thing = (await env.Emulator.Things.GetAsync("ThingPrefix_1"))!;
            Assert.Equal(2, thing.CertificateIds.Count);
            Assert.Equal(2, thing.Version);
            Assert.Equal(new[] { "v1-lightbulbs", "Seattle" }, thing.ThingGroups); // ThingGroups: DO_NOTHING
            Assert.Equal("lightBulb-versionB", thing.ThingTypeName); // ThingTypeName: REPLACE
            Assert.Equal("v2", thing.Attributes["version"]); // AttributePayload: MERGE
            Assert.Equal("red", thing.Attributes["color"]);
            Assert.Equal("1", thing.Attributes["serialNumber"]);
        }
    }
}
