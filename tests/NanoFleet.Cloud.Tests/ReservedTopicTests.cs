using System;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>The claim is public, so a claim holder is the attacker: it must not be able to answer for the service.</summary>
    public class ReservedTopicTests
    {
        [Theory]
        [InlineData("$aws/certificates/create/json/accepted", MqttProtocolVersion.V311)]
        [InlineData("$aws/certificates/create/json/accepted", MqttProtocolVersion.V500)]
        [InlineData("$aws/certificates/create-from-csr/cbor/accepted", MqttProtocolVersion.V311)]
        [InlineData("$aws/provisioning-templates/fleet/provision/json/rejected", MqttProtocolVersion.V311)]
        [InlineData("$aws/certificates/create/json/somethingelse", MqttProtocolVersion.V311)]
        public async Task ClaimHolder_ForgingAResponse_IsDisconnected_AndTheVictimNeverSeesIt(string forged, MqttProtocolVersion version)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var victim = await env.ConnectAsync(claim);
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await victim.SubscribeAsync(forged));
            await using var attacker = await env.ConnectAsync(claim, version: version);

            await PublishIgnoringTheCloseAsync(attacker, forged, "{\"certificateId\":\"forged\",\"certificatePem\":\"x\",\"privateKey\":\"x\",\"certificateOwnershipToken\":\"x\"}");

            await attacker.Disconnected.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(await victim.NothingWithinAsync(TimeSpan.FromMilliseconds(500)));
            var created = await Flow.CreateKeysAsync(victim); // and the victim's own request is answered by the service
            Assert.True(created.Accepted);
            Assert.NotEqual("forged", created.Text("certificateId"));
        }

        [Theory]
        [InlineData("$aws/certificates/create/json/accepted")]
        [InlineData("$aws/things/ThingPrefix_1/shadow/update")]
        [InlineData("$SYS/broker/clients")]
        public async Task ThingAllowedEverything_StillCannotPublishToAReservedTopic(string topic)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet); // its policy: iot:* on *
            await using var device = await env.ConnectAsync(claim);
            var (created, _) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));
            await using var listener = await env.ConnectThingAsync(created, "listener");
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await listener.SubscribeAsync(topic));
            await using var thing = await env.ConnectThingAsync(created, "ThingPrefix_1");

            await PublishIgnoringTheCloseAsync(thing, topic, "{}");

            await thing.Disconnected.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(await listener.NothingWithinAsync(TimeSpan.FromMilliseconds(500)));
        }

        [Fact]
        public async Task Receive_IsCheckedPerMessage_NotGrantedByABroadSubscription()
        {
            // Everyone may publish and subscribe anywhere under devices/, but receive only under its own name.
            const string Policy = "{\"Version\":\"2012-10-17\",\"Statement\":[" +
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}\"}," +
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\",\"Resource\":\"arn:aws:iot:*:*:topic/devices/*\"}," +
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Subscribe\",\"Resource\":\"arn:aws:iot:*:*:topicfilter/devices/*\"}," +
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Receive\",\"Resource\":\"arn:aws:iot:*:*:topic/devices/${iot:Connection.Thing.ThingName}/*\"}]}";
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("t", TemplateBodies.WithThingName("{\"Ref\": \"SerialNumber\"}",
                policiesJson: TemplateBodies.PolicyDocumentResource("policy", Policy)));
            await using var device = await env.ConnectAsync(claim);
            var (createdA, _) = await Flow.ProvisionAsync(device, "t", Flow.Serial("A"));
            var (createdB, _) = await Flow.ProvisionAsync(device, "t", Flow.Serial("B"));
            await using var b = await env.ConnectThingAsync(createdB, "B");
            await b.PublishAsync("devices/B/retained", "r"u8.ToArray(), retain: true);
            await using var a = await env.ConnectThingAsync(createdA, "A");
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await a.SubscribeAsync("devices/#"));

            await b.PublishAsync("devices/B/secret", "s"u8.ToArray());
            await b.PublishAsync("devices/A/cmd", "c"u8.ToArray());

            var received = await a.NextAsync(TimeSpan.FromSeconds(20));
            Assert.Equal("devices/A/cmd", received.Topic); // neither B's secret nor B's retained message came first
            Assert.True(await a.NothingWithinAsync(TimeSpan.FromMilliseconds(500)));
            Assert.True(a.IsConnected);
        }

        private static async Task PublishIgnoringTheCloseAsync(TestDevice client, string topic, string payload)
        {
            try
            {
                await client.PublishAsync(topic, System.Text.Encoding.UTF8.GetBytes(payload));
            }
            catch (Exception)
            {
                // the PUBACK never comes: the connection is closed
            }
        }
    }
}
