using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.ControlPlane.Tests.Support;

namespace NanoFleet.ControlPlane.Tests.Http
{
    /// <summary>The template and version operations over HTTP through the signed client, as the operator.</summary>
    public sealed class TemplateOperationTests
    {
        [Fact]
        public async Task CreateThenDescribe_ReturnsAwsFields()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            using var client = cloud.Client();

            var created = await client.SendAsync("POST", "/provisioning-templates", Create(cloud, "factory-a", enabled: true, description: "line A"));
            var described = await client.SendAsync("GET", "/provisioning-templates/factory-a", null);

            Assert.Equal($"arn:aws:iot:{cloud.Region}:{cloud.AccountId}:provisioningtemplate/factory-a", (string?)created!["templateArn"]);
            Assert.Equal(1, (int?)created["defaultVersionId"]);
            Assert.Equal("line A", (string?)described!["description"]);
            Assert.Equal(Templates.RoleArn(cloud.AccountId), (string?)described["provisioningRoleArn"]);
            Assert.Equal("FLEET_PROVISIONING", (string?)described["type"]);
            Assert.True((bool?)described["enabled"]);
            Assert.Equal(Templates.Body, (string?)described["templateBody"]);
            Assert.True((double?)described["creationDate"] > 1_600_000_000);
            Assert.True((await cloud.Emulator.Templates.GetAsync("factory-a"))!.Enabled);
        }

        [Fact]
        public async Task Create_TakenName_IsResourceAlreadyExists()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            using var client = cloud.Client();
            await client.SendAsync("POST", "/provisioning-templates", Create(cloud, "factory-a"));

            var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.SendAsync("POST", "/provisioning-templates", Create(cloud, "factory-a")));

            Assert.Equal(("ResourceAlreadyExistsException", 409), (error.ErrorType, error.StatusCode));
        }

        [Fact]
        public async Task Create_BodyBreakingARule_IsInvalidRequestNamingIt()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            using var client = cloud.Client();
            var request = Create(cloud, "broken");
            request["templateBody"] = "{\"Resources\":{\"thing\":{\"Type\":\"AWS::IoT::Rocket\"}}}";

            var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.SendAsync("POST", "/provisioning-templates", request));

            Assert.Equal(("InvalidRequestException", 400), (error.ErrorType, error.StatusCode));
            Assert.Contains("AWS::IoT::Rocket", error.Message);
            Assert.Null(await cloud.Emulator.Templates.GetAsync("broken"));
        }

        [Fact]
        public async Task Update_AddsThenRemovesPreProvisioningHook()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            using var client = cloud.Client();
            await client.SendAsync("POST", "/provisioning-templates", Create(cloud, "factory-a"));
            string function = Templates.FunctionArn(cloud.Region, cloud.AccountId, "serial-check");

            await client.SendAsync("PATCH", "/provisioning-templates/factory-a", new JsonObject
            {
                ["preProvisioningHook"] = new JsonObject { ["targetArn"] = function }, ["enabled"] = true, ["description"] = "hooked",
            });
            var hooked = await cloud.Emulator.Templates.GetAsync("factory-a");
            await client.SendAsync("PATCH", "/provisioning-templates/factory-a", new JsonObject { ["removePreProvisioningHook"] = true });
            var unhooked = await client.SendAsync("GET", "/provisioning-templates/factory-a", null);

            Assert.Equal(new NanoFleet.Cloud.TemplateHook(function, "2020-04-01"), hooked!.PreProvisioningHook);
            Assert.True(hooked.Enabled);
            Assert.Equal("hooked", hooked.Description);
            Assert.Null(unhooked!["preProvisioningHook"]);
            Assert.Equal("hooked", (string?)unhooked["description"]);
        }

        [Fact]
        public async Task Update_HookThatIsNotALambdaArn_IsInvalidRequest()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            using var client = cloud.Client();
            await client.SendAsync("POST", "/provisioning-templates", Create(cloud, "factory-a"));

            var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.SendAsync("PATCH", "/provisioning-templates/factory-a",
                new JsonObject { ["preProvisioningHook"] = new JsonObject { ["targetArn"] = "http://localhost:9000/hook" } }));

            Assert.Equal("InvalidRequestException", error.ErrorType);
            Assert.Contains("targetArn", error.Message);
        }

        [Fact]
        public async Task Versions_AtMostFiveDefaultNeverDeleted()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            using var client = cloud.Client();
            await client.SendAsync("POST", "/provisioning-templates", Create(cloud, "factory-a"));
            for (int i = 2; i <= 5; i++)
            {
                await client.SendAsync("POST", "/provisioning-templates/factory-a/versions" + (i == 3 ? "?setAsDefault=true" : string.Empty),
                    new JsonObject { ["templateBody"] = Templates.BodyV2 });
            }

            var sixth = await Assert.ThrowsAsync<AwsServiceException>(() =>
                client.SendAsync("POST", "/provisioning-templates/factory-a/versions", new JsonObject { ["templateBody"] = Templates.Body }));
            var deleteDefault = await Assert.ThrowsAsync<AwsServiceException>(() => client.SendAsync("DELETE", "/provisioning-templates/factory-a/versions/3", null));
            await client.SendAsync("DELETE", "/provisioning-templates/factory-a/versions/1", null);
            var listed = await client.SendAsync("GET", "/provisioning-templates/factory-a/versions", null);
            var version3 = await client.SendAsync("GET", "/provisioning-templates/factory-a/versions/3", null);
            var missing = await Assert.ThrowsAsync<AwsServiceException>(() => client.SendAsync("GET", "/provisioning-templates/factory-a/versions/1", null));

            Assert.Equal(("VersionsLimitExceededException", 409), (sixth.ErrorType, sixth.StatusCode));
            Assert.Equal(("DeleteConflictException", 409), (deleteDefault.ErrorType, deleteDefault.StatusCode));
            Assert.Equal(new[] { 2, 3, 4, 5 }, listed!["versions"]!.AsArray().Select(v => (int)v!["versionId"]!));
            Assert.Equal(new[] { 3 }, listed["versions"]!.AsArray().Where(v => (bool)v!["isDefaultVersion"]!).Select(v => (int)v!["versionId"]!));
            Assert.Equal(Templates.BodyV2, (string?)version3!["templateBody"]);
            Assert.Equal(("ResourceNotFoundException", 404), (missing.ErrorType, missing.StatusCode));
            Assert.Equal(Templates.BodyV2, (await cloud.Emulator.Templates.GetAsync("factory-a"))!.Body);
        }

        [Fact]
        public async Task List_PagesWithMaxResultsAndNextToken()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            using var client = cloud.Client();
            foreach (string name in new[] { "c", "a", "e", "b", "d" })
            {
                await client.SendAsync("POST", "/provisioning-templates", Create(cloud, name));
            }

            var names = new System.Collections.Generic.List<string>();
            string? token = null;
            int pages = 0;
            do
            {
                var page = await client.SendAsync("GET", "/provisioning-templates?maxResults=2" + (token is null ? string.Empty : "&nextToken=" + System.Uri.EscapeDataString(token)), null);
                names.AddRange(page!["templates"]!.AsArray().Select(t => (string)t!["templateName"]!));
                token = (string?)page["nextToken"];
                pages++;
            }
            while (token is not null);

            Assert.Equal(new[] { "a", "b", "c", "d", "e" }, names);
            Assert.Equal(3, pages);
        }

        [Fact]
        public async Task Delete_RemovesTemplateAndMissingIsNotFound()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            using var client = cloud.Client();
            await client.SendAsync("POST", "/provisioning-templates", Create(cloud, "factory-a"));

            await client.SendAsync("DELETE", "/provisioning-templates/factory-a", null);
            var again = await Assert.ThrowsAsync<AwsServiceException>(() => client.SendAsync("DELETE", "/provisioning-templates/factory-a", null));

            Assert.Null(await cloud.Emulator.Templates.GetAsync("factory-a"));
            Assert.Equal(("ResourceNotFoundException", 404), (again.ErrorType, again.StatusCode));
        }

        private static JsonObject Create(ControlPlaneEmulator cloud, string name, bool enabled = false, string? description = null)
        {
            var request = new JsonObject
            {
                ["templateName"] = name, ["templateBody"] = Templates.Body, ["enabled"] = enabled, ["provisioningRoleArn"] = Templates.RoleArn(cloud.AccountId),
            };
            if (description is not null)
            {
                request["description"] = description;
            }

            return request;
        }
    }
}
