using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.ControlPlane.Tests.Support;

namespace NanoFleet.ControlPlane.Tests.AwsClients
{
    /// <summary>@aws-sdk/client-iot against the emulator's control plane: the template and version operations and AWS's errors as the SDK names them.</summary>
    public sealed class JsSdkTemplateTests
    {
        [Fact]
        public async Task TemplateLifecycle_WithAHookAddedLater_WorksFromTheSdk()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var sdk = new JsSdk(cloud);
            string function = Templates.FunctionArn(cloud.Region, cloud.AccountId, "serial-check");

            var created = await sdk.SendAsync("CreateProvisioningTemplate", new JsonObject
            {
                ["templateName"] = "factory-a", ["templateBody"] = Templates.Body, ["provisioningRoleArn"] = Templates.RoleArn(cloud.AccountId), ["enabled"] = true,
            });
            await sdk.SendAsync("UpdateProvisioningTemplate", new JsonObject
            {
                ["templateName"] = "factory-a", ["preProvisioningHook"] = new JsonObject { ["targetArn"] = function, ["payloadVersion"] = "2020-04-01" },
            });
            var described = await sdk.SendAsync("DescribeProvisioningTemplate", new JsonObject { ["templateName"] = "factory-a" });
            var version = await sdk.SendAsync("CreateProvisioningTemplateVersion", new JsonObject { ["templateName"] = "factory-a", ["templateBody"] = Templates.BodyV2, ["setAsDefault"] = true });
            var versions = await sdk.SendAsync("ListProvisioningTemplateVersions", new JsonObject { ["templateName"] = "factory-a", ["maxResults"] = 1 });
            var v1 = await sdk.SendAsync("DescribeProvisioningTemplateVersion", new JsonObject { ["templateName"] = "factory-a", ["versionId"] = 1 });
            await sdk.SendAsync("DeleteProvisioningTemplateVersion", new JsonObject { ["templateName"] = "factory-a", ["versionId"] = 1 });
            var listed = await sdk.SendAsync("ListProvisioningTemplates", new JsonObject());
            await sdk.SendAsync("DeleteProvisioningTemplate", new JsonObject { ["templateName"] = "factory-a" });

            Assert.Equal(1, (int?)created["defaultVersionId"]);
            Assert.Equal(function, (string?)described["preProvisioningHook"]!["targetArn"]);
            Assert.Equal("FLEET_PROVISIONING", (string?)described["type"]);
            Assert.NotNull(described["creationDate"]); // the SDK parsed the epoch seconds into a Date
            Assert.Equal((2, true), ((int)version["versionId"]!, (bool)version["isDefaultVersion"]!));
            Assert.Single(versions["versions"]!.AsArray());
            Assert.NotNull(versions["nextToken"]);
            Assert.Equal(Templates.Body, (string?)v1["templateBody"]);
            Assert.Equal(new[] { "factory-a" }, listed["templates"]!.AsArray().Select(t => (string)t!["templateName"]!));
            Assert.Null(await cloud.Emulator.Templates.GetAsync("factory-a"));
        }

        [Fact]
        public async Task Errors_ReachTheSdkAsAwsExceptions()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var sdk = new JsSdk(cloud);
            var installer = new JsSdk(cloud, DefaultIdentities.Installer);
            await sdk.SendAsync("CreateProvisioningTemplate", new JsonObject
            {
                ["templateName"] = "factory-a", ["templateBody"] = Templates.Body, ["provisioningRoleArn"] = Templates.RoleArn(cloud.AccountId),
            });
            for (int i = 0; i < 4; i++)
            {
                await sdk.SendAsync("CreateProvisioningTemplateVersion", new JsonObject { ["templateName"] = "factory-a", ["templateBody"] = Templates.BodyV2 });
            }

            var sixth = await sdk.ErrorAsync("CreateProvisioningTemplateVersion", new JsonObject { ["templateName"] = "factory-a", ["templateBody"] = Templates.BodyV2 });
            var denied = await installer.ErrorAsync("DeleteProvisioningTemplate", new JsonObject { ["templateName"] = "factory-a" });
            var missing = await sdk.ErrorAsync("DescribeProvisioningTemplate", new JsonObject { ["templateName"] = "nope" });

            Assert.Equal(("VersionsLimitExceededException", 409), ((string)sixth["error"]!, (int)sixth["status"]!));
            Assert.Equal(("AccessDeniedException", 403), ((string)denied["error"]!, (int)denied["status"]!));
            Assert.StartsWith($"User: arn:aws:iam::{cloud.AccountId}:user/installer is not authorized to perform: iot:DeleteProvisioningTemplate", (string)denied["message"]!);
            Assert.Equal(("ResourceNotFoundException", 404), ((string)missing["error"]!, (int)missing["status"]!));
        }
    }
}
