using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using NanoFleet.Cloud.Events;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>A connection is who its certificate says, whatever CONNECT's username claims.</summary>
    public class IdentityTests
    {
        /// <summary>What AWS's C# SDK sends as the username: metrics, not an identity.</summary>
        private const string SdkMetricsUsername = "?SDK=CSharp&Version=1.0";

        /// <summary>The emulator's log of connection attempts: which client id came in on which certificate.</summary>
        private static ConcurrentQueue<EmulatorLogEventArgs> ConnectLog(TestEmulator env)
        {
            var connects = new ConcurrentQueue<EmulatorLogEventArgs>();
            env.Emulator.LogWritten += (_, e) =>
            {
                if (e.Step == "connect")
                {
                    connects.Enqueue(e);
                }
            };
            return connects;
        }

        [Theory]
        [InlineData(MqttProtocolVersion.V311)]
        [InlineData(MqttProtocolVersion.V500)]
        public async Task Claim_WithAnSdkMetricsUsername_IsTheClaimItsCertificateNames(MqttProtocolVersion version)
        {
            await using var env = await TestEmulator.StartAsync();
            var connects = ConnectLog(env);
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim, "factory-7", version, SdkMetricsUsername);

            var connected = Assert.Single(connects);
            Assert.Equal(claim.CertificateId, connected.CertificateId);
            Assert.Equal("factory-7", connected.ClientId);
            Assert.Contains("claim for template 'fleet'", connected.Message);
            Assert.True((int)await device.SubscribeAsync("devices/#") >= 0x80); // still confined to its template's topics

            var (created, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));
            Assert.True(registered.Accepted);
            Assert.Equal(claim.CertificateId, (await env.Emulator.Certificates.GetAsync(created.Text("certificateId")))!.ClaimCertificateId);
            Assert.Equal(1, env.Emulator.Metrics.Snapshot().ThingsRegisteredByClaim[claim.CertificateId]);
        }

        [Fact]
        public async Task Thing_UsingAnotherThingsNameAsUsername_GetsOnlyItsOwnCertificatesRights()
        {
            await using var env = await TestEmulator.StartAsync();
            var connects = ConnectLog(env);
            var claim = await env.TemplateAndClaimAsync("t", TemplateBodies.WithThingName("{\"Ref\": \"SerialNumber\"}",
                policiesJson: TemplateBodies.PolicyDocumentResource("policy", TemplateBodies.ThingConfinedPolicy)));
            await using var device = await env.ConnectAsync(claim);
            Assert.True((await Flow.ProvisionAsync(device, "t", Flow.Serial("lamp-1"))).Registered.Accepted);
            var (lamp2, registered) = await Flow.ProvisionAsync(device, "t", Flow.Serial("lamp-2"));
            Assert.True(registered.Accepted);

            // lamp-2's certificate cannot pass for lamp-1, neither by username alone nor with lamp-1's client id.
            await using var thing = await env.ConnectThingAsync(lamp2, "lamp-2", username: "lamp-1");
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await thing.SubscribeAsync("devices/lamp-2/cmd"));
            Assert.True((int)await thing.SubscribeAsync("devices/lamp-1/cmd") >= 0x80);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => env.ConnectThingAsync(lamp2, "lamp-1", username: "lamp-1"));
            Assert.Contains("NotAuthorized", refused.Message);

            var lamp2Certificate = lamp2.Text("certificateId");
            var asLamp2 = connects.Where(e => e.ClientId == "lamp-2").ToList();
            Assert.Equal(lamp2Certificate, Assert.Single(asLamp2).CertificateId);
            Assert.Contains("device certificate of lamp-2 ", asLamp2[0].Message);
            var refusal = Assert.Single(connects, e => e.ClientId == "lamp-1");
            Assert.Equal(lamp2Certificate, refusal.CertificateId);
            Assert.Equal(EmulatorLogLevel.Warning, refusal.Level);
        }
    }
}
