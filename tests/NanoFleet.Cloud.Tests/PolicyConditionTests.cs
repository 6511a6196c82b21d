using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MQTTnet;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>Conditions are evaluated, and a policy the emulator could only half-evaluate is refused when stored.</summary>
    public class PolicyConditionTests
    {
        private const string TierTemplateParameters = "\"SerialNumber\": {\"Type\": \"String\"}, \"Tier\": {\"Type\": \"String\"}";

        private static string Policy(string statements) => "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";

        private static string TierTemplate(string policy) =>
            TemplateBodies.WithThingName("{\"Ref\": \"SerialNumber\"}", TierTemplateParameters,
                policiesJson: TemplateBodies.PolicyDocumentResource("policy", policy))
            .Replace("\"ThingName\": {\"Ref\": \"SerialNumber\"}", "\"ThingName\": {\"Ref\": \"SerialNumber\"}, \"AttributePayload\": {\"tier\": {\"Ref\": \"Tier\"}}");

        [Fact]
        public async Task StringEquals_OnClientIdAgainstThingName_ConfinesTheConnection()
        {
            string policy = Policy("{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"*\"," +
                "\"Condition\":{\"StringEquals\":{\"iot:ClientId\":\"${iot:Connection.Thing.ThingName}\"}}}");
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("t", TemplateBodies.WithThingName("{\"Ref\": \"SerialNumber\"}",
                policiesJson: TemplateBodies.PolicyDocumentResource("policy", policy)));
            await using var device = await env.ConnectAsync(claim);
            var (created, registered) = await Flow.ProvisionAsync(device, "t", Flow.Serial("lamp-1"));
            Assert.True(registered.Accepted);

            await using var own = await env.ConnectThingAsync(created, "lamp-1");
            await Assert.ThrowsAnyAsync<Exception>(() => env.ConnectThingAsync(created, "lamp-2"));
        }

        [Fact]
        public async Task StringLike_AndStringNotEquals_OnThingAttributesAndName()
        {
            string policy = Policy(
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"*\"}," +
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Subscribe\",\"Resource\":\"*\",\"Condition\":{\"StringLike\":{\"iot:Connection.Thing.Attributes[tier]\":[\"gold*\",\"platinum\"]}}}," +
                "{\"Effect\":\"Deny\",\"Action\":\"iot:Subscribe\",\"Resource\":\"arn:aws:iot:*:*:topicfilter/admin/*\",\"Condition\":{\"StringNotEquals\":{\"iot:Connection.Thing.ThingName\":\"boss\"}}}");
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("t", TierTemplate(policy));
            await using var device = await env.ConnectAsync(claim);
            var gold = await ProvisionAsync(device, "gold1", "gold-2");
            var silver = await ProvisionAsync(device, "silver1", "silver");
            var boss = await ProvisionAsync(device, "boss", "platinum");

            await using (var g = await env.ConnectThingAsync(gold, "gold1"))
            {
                Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await g.SubscribeAsync("news/today"));
                Assert.True((int)await g.SubscribeAsync("admin/keys") >= 0x80); // the Deny: not the boss
            }

            await using (var s = await env.ConnectThingAsync(silver, "silver1"))
            {
                Assert.True((int)await s.SubscribeAsync("news/today") >= 0x80); // StringLike did not match
            }

            await using var b = await env.ConnectThingAsync(boss, "boss");
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await b.SubscribeAsync("admin/keys"));
        }

        [Fact]
        public async Task ConditionOnAMissingAttribute_FailsClosed_AllowDoesNotApply_DenyDoes()
        {
            string policy = Policy(
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"*\"}," +
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Subscribe\",\"Resource\":\"*\",\"Condition\":{\"StringNotLike\":{\"iot:Connection.Thing.Attributes[banned]\":\"yes\"}}}," +
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Subscribe\",\"Resource\":\"arn:aws:iot:*:*:topicfilter/open/*\"}," +
                "{\"Effect\":\"Deny\",\"Action\":\"iot:Subscribe\",\"Resource\":\"arn:aws:iot:*:*:topicfilter/open/vip/*\",\"Condition\":{\"StringNotEquals\":{\"iot:Connection.Thing.Attributes[vip]\":\"yes\"}}}");
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("t", TierTemplate(policy));
            await using var device = await env.ConnectAsync(claim);
            var created = await ProvisionAsync(device, "plain", "none");
            await using var thing = await env.ConnectThingAsync(created, "plain");

            Assert.True((int)await thing.SubscribeAsync("news/today") >= 0x80); // no "banned" attribute: the Allow is undecided
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await thing.SubscribeAsync("open/lobby"));
            Assert.True((int)await thing.SubscribeAsync("open/vip/lounge") >= 0x80); // no "vip" attribute: the Deny applies
        }

        [Theory]
        [InlineData("\"Condition\":{\"StringEquals\":{\"iot:Connection.Thing.ThingTypeName\":\"x\"}}", "iot:Connection.Thing.ThingTypeName")]
        [InlineData("\"Condition\":{\"StringEqualsIgnoreCase\":{\"iot:ClientId\":\"x\"}}", "StringEqualsIgnoreCase")]
        [InlineData("\"Condition\":{\"ForAnyValue:StringLike\":{\"iot:ClientId\":\"x\"}}", "ForAnyValue:StringLike")]
        [InlineData("\"Condition\":{\"Bool\":{\"iot:Connection.Thing.IsAttached\":\"true\"}}", "Bool")]
        [InlineData("\"NotResource\":\"x\"", "NotResource")]
        [InlineData("\"Condition\":{\"StringLike\":{\"iot:ClientId\":\"${iot:Certificate.Subject.CommonName}\"}}", "iot:Certificate.Subject.CommonName")]
        public async Task UnsupportedConditionKeyOrOperator_IsRefusedWhenStored_NamingIt(string extra, string named)
        {
            string policy = Policy("{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"," + extra + "}");
            await using var env = await TestEmulator.StartAsync();

            var template = await Assert.ThrowsAsync<InvalidTemplateException>(() => env.Emulator.Templates.PutAsync("t",
                TemplateBodies.WithThingName("{\"Ref\": \"SerialNumber\"}", policiesJson: TemplateBodies.PolicyDocumentResource("policy", policy))));
            Assert.Contains(named, template.Message);
            var named2 = await Assert.ThrowsAsync<ArgumentException>(() => env.Emulator.Policies.PutAsync("p", policy));
            Assert.Contains(named, named2.Message);
            Assert.Null(await env.Emulator.Templates.GetAsync("t"));
            Assert.Null(await env.Emulator.Policies.GetAsync("p"));
        }

        [Fact]
        public async Task UnsupportedCondition_BuiltAtProvisioning_Is400_AndNothingIsWritten()
        {
            // The operator comes from a parameter, so only RegisterThing can see it.
            const string Template = """
            {
              "Parameters": {"SerialNumber": {"Type": "String"}, "Op": {"Type": "String"}},
              "Resources": {
                "thing": {"Type": "AWS::IoT::Thing", "Properties": {"ThingName": {"Ref": "SerialNumber"}}},
                "certificate": {"Type": "AWS::IoT::Certificate", "Properties": {"CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}}},
                "policy": {"Type": "AWS::IoT::Policy", "Properties": {"PolicyDocument": {"Fn::Join": ["", [
                  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\",\"Condition\":{\"",
                  {"Ref": "Op"}, "\":{\"iot:ClientId\":\"x\"}}}]}"]]}}}
              }
            }
            """;
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("t", Template);
            await using var device = await env.ConnectAsync(claim);
            var created = await Flow.CreateKeysAsync(device);
            var registered = await Flow.RegisterAsync(device, "t", created.Text("certificateOwnershipToken"),
                new System.Collections.Generic.Dictionary<string, string> { ["SerialNumber"] = "x1", ["Op"] = "NumericLessThan" });
            Assert.Equal("InvalidRequestException", registered.Text("errorCode"));
            Assert.Contains("NumericLessThan", registered.Text("errorMessage"));
            Assert.Empty(await env.Emulator.Things.ListAsync());
        }

        private static async Task<ApiResponse> ProvisionAsync(TestDevice device, string serial, string tier)
        {
            var created = await Flow.CreateKeysAsync(device);
            var registered = await Flow.RegisterAsync(device, "t", created.Text("certificateOwnershipToken"),
                new System.Collections.Generic.Dictionary<string, string> { ["SerialNumber"] = serial, ["Tier"] = tier });
            Assert.True(registered.Accepted, registered.Body.GetValueOrDefault("errorMessage") as string);
            return created;
        }
    }
}
