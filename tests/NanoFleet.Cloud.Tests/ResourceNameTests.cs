using System;
using System.Threading.Tasks;
using MQTTnet;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>Names follow AWS's patterns, and a value substituted into a policy is only ever itself.</summary>
    public class ResourceNameTests
    {
        [Theory]
        [InlineData("*")]
        [InlineData("?")]
        [InlineData("B*")]
        [InlineData("B/x")]
        [InlineData("B+")]
        [InlineData("B#")]
        [InlineData("B\n")]
        [InlineData("B\u0000")]
        [InlineData("B C")]
        [InlineData("Bé")]
        public async Task ThingNameOutsideAwsPattern_Is400InvalidRequest_AndNothingIsWritten(string serial)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("demo", TemplateBodies.WithThingName("{\"Fn::Join\": [\"\", [\"sensor-\", {\"Ref\": \"SerialNumber\"}]]}"));
            await using var device = await env.ConnectAsync(claim);

            var (created, registered) = await Flow.ProvisionAsync(device, "demo", Flow.Serial(serial));

            Assert.False(registered.Accepted);
            Assert.Equal(400L, registered.Body["statusCode"]);
            Assert.Equal("InvalidRequestException", registered.Text("errorCode"));
            Assert.Contains("thing name", registered.Text("errorMessage"));
            Assert.Empty(await env.Emulator.Things.ListAsync());
            Assert.Equal(CertificateStatus.PendingActivation, (await env.Emulator.Certificates.GetAsync(created.Text("certificateId")))!.Status);
        }

        [Fact]
        public async Task ThingName_Of128Characters_FromTheWholePattern_IsAccepted()
        {
            string name = "a:_-Z9" + new string('x', 122);
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("t", TemplateBodies.WithThingName("{\"Ref\": \"SerialNumber\"}"));
            await using var device = await env.ConnectAsync(claim);
            var (_, registered) = await Flow.ProvisionAsync(device, "t", Flow.Serial(name));
            Assert.True(registered.Accepted);
            var (_, tooLong) = await Flow.ProvisionAsync(device, "t", Flow.Serial(name + "x"));
            Assert.Equal("InvalidRequestException", tooLong.Text("errorCode"));
        }

        [Theory]
        [InlineData("\"ThingGroups\": [{\"Ref\": \"SerialNumber\"}]", "thing group name")]
        [InlineData("\"ThingTypeName\": {\"Ref\": \"SerialNumber\"}", "thing type name")]
        [InlineData("\"BillingGroup\": {\"Ref\": \"SerialNumber\"}", "billing group name")]
        [InlineData("\"AttributePayload\": {\"serial\": {\"Ref\": \"SerialNumber\"}}", "attribute value")]
        public async Task OtherNamesOutsideAwsPatterns_Are400InvalidRequest(string property, string what)
        {
            string template = TemplateBodies.WithThingName("\"fixed\"").Replace("\"ThingName\": \"fixed\"", "\"ThingName\": \"fixed\", " + property);
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("t", template);
            await using var device = await env.ConnectAsync(claim);
            var (_, registered) = await Flow.ProvisionAsync(device, "t", Flow.Serial("a b*"));
            Assert.Equal("InvalidRequestException", registered.Text("errorCode"));
            Assert.Contains(what, registered.Text("errorMessage"));
            Assert.Empty(await env.Emulator.Things.ListAsync());
        }

        [Theory]
        [InlineData("*", "devices/victim/cmd")]
        [InlineData("d?", "devices/dX/cmd")]
        [InlineData("victim/x", "devices/victim/x/cmd")]
        [InlineData("+", "devices/+/cmd")]
        public async Task PolicyVariable_IsSubstitutedLiterally_NeverAsAWildcard(string clientId, string filter)
        {
            const string Policy = "{\"Version\":\"2012-10-17\",\"Statement\":[" +
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"*\"}," +
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Subscribe\",\"Resource\":\"arn:aws:iot:*:*:topicfilter/devices/${iot:ClientId}/*\"}]}";
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("t", TemplateBodies.WithThingName("{\"Ref\": \"SerialNumber\"}",
                policiesJson: TemplateBodies.PolicyDocumentResource("policy", Policy)));
            await using var device = await env.ConnectAsync(claim);
            var (created, _) = await Flow.ProvisionAsync(device, "t", Flow.Serial("thing1"));

            await using var honest = await env.ConnectThingAsync(created, "victim");
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await honest.SubscribeAsync("devices/victim/cmd"));
            await using var tricky = await env.ConnectThingAsync(created, clientId);
            Assert.True((int)await tricky.SubscribeAsync(filter) >= 0x80, $"client id '{clientId}' reached '{filter}'");
        }
    }
}
