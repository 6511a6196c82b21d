using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests.ControlPlane
{
    /// <summary>DescribeThing, ListThings, ListThingPrincipals and ListThingGroupsForThing over things provisioned through real MQTT RegisterThing calls.</summary>
    public class ThingOperationTests
    {
        private static async Task<Dictionary<string, string>> ProvisionAsync(TestEmulator env, params string[] serials)
        {
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            var certificates = new Dictionary<string, string>();
            foreach (string serial in serials)
            {
                var (created, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial(serial));
                Assert.True(registered.Accepted);
                certificates[registered.Text("thingName")] = created.Text("certificateId");
            }

            return certificates;
        }

        private static List<string> Names(JsonObject? page) => ((JsonArray)page!["things"]!).Select(t => t!["thingName"]!.GetValue<string>()).ToList();

        [Fact]
        public async Task DescribeThing_AndListThingPrincipals_ShowWhatRegisterThingMade()
        {
            await using var env = await TestEmulator.StartAsync();
            var certificates = await ProvisionAsync(env, "7");
            var api = new ControlPlaneCaller(env.Emulator);

            var thing = (await api.CallAsync("GET", "/things/ThingPrefix_7"))!;

            Assert.Equal("arn:aws:iot:us-east-1:123456789012:thing/ThingPrefix_7", thing["thingArn"]!.GetValue<string>());
            Assert.Equal("ThingPrefix_7", thing["defaultClientId"]!.GetValue<string>());
            Assert.Equal("lightBulb-versionA", thing["thingTypeName"]!.GetValue<string>());
            Assert.Equal("LightBulbBillingGroup", thing["billingGroupName"]!.GetValue<string>());
            Assert.Equal("7", thing["attributes"]!["serialNumber"]!.GetValue<string>());
            Assert.Equal(1, thing["version"]!.GetValue<long>());
            Assert.Equal(thing["thingId"]!.GetValue<string>(), (await api.CallAsync("GET", "/things/ThingPrefix_7"))!["thingId"]!.GetValue<string>());

            var principals = (JsonArray)(await api.CallAsync("GET", "/things/ThingPrefix_7/principals"))!["principals"]!;
            Assert.Equal("arn:aws:iot:us-east-1:123456789012:cert/" + certificates["ThingPrefix_7"], Assert.Single(principals)!.GetValue<string>());

            var groups = (JsonArray)(await api.CallAsync("GET", "/things/ThingPrefix_7/thing-groups"))!["thingGroups"]!;
            var group = Assert.Single(groups, g => g!["groupName"]!.GetValue<string>() == "v1-lightbulbs")!;
            Assert.Equal("arn:aws:iot:us-east-1:123456789012:thinggroup/v1-lightbulbs", group["groupArn"]!.GetValue<string>());
            Assert.Equal((await env.Emulator.Things.GetAsync("ThingPrefix_7"))!.ThingGroups.Count, groups.Count);

            Assert.Equal((404, "ResourceNotFoundException"), await api.ErrorOfAsync("GET", "/things/nope"));
            Assert.Equal((404, "ResourceNotFoundException"), await api.ErrorOfAsync("GET", "/things/nope/thing-groups"));
            Assert.Equal((404, "ResourceNotFoundException"), await api.ErrorOfAsync("GET", "/things/nope/principals"));
            Assert.Equal("arn:aws:iot:us-east-1:123456789012:thing/ThingPrefix_7", api.ResourceArnOf("GET", "/things/ThingPrefix_7/principals"));
        }

        [Fact]
        public async Task ListThings_FiltersByAttributeAndType_AndPages()
        {
            await using var env = await TestEmulator.StartAsync();
            await ProvisionAsync(env, "a1", "a2", "b1");
            var api = new ControlPlaneCaller(env.Emulator);

            Assert.Equal(new[] { "ThingPrefix_a1", "ThingPrefix_a2", "ThingPrefix_b1" }, Names(await api.CallAsync("GET", "/things")));
            Assert.Equal(new[] { "ThingPrefix_a2" }, Names(await api.CallAsync("GET", "/things?attributeName=serialNumber&attributeValue=a2")));
            Assert.Equal(new[] { "ThingPrefix_a1", "ThingPrefix_a2" },
                Names(await api.CallAsync("GET", "/things?attributeName=serialNumber&attributeValue=a&usePrefixAttributeValue=true")));
            Assert.Empty(Names(await api.CallAsync("GET", "/things?thingTypeName=other")));
            Assert.Equal(3, Names(await api.CallAsync("GET", "/things?thingTypeName=lightBulb-versionA")).Count);

            var first = (await api.CallAsync("GET", "/things?maxResults=2"))!;
            Assert.Equal(2, Names(first).Count);
            var rest = await api.CallAsync("GET", "/things?maxResults=2&nextToken=" + System.Uri.EscapeDataString(first["nextToken"]!.GetValue<string>()));
            Assert.Equal(new[] { "ThingPrefix_b1" }, Names(rest));
            Assert.Null(rest!["nextToken"]);
            Assert.Equal("InvalidRequestException", (await api.FailsAsync("GET", "/things?maxResults=0")).ErrorType);
            Assert.Equal("InvalidRequestException", (await api.FailsAsync("GET", "/things?usePrefixAttributeValue=true")).ErrorType);
        }
    }
}
