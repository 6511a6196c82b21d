using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.ControlPlane.Tests.Support;

namespace NanoFleet.ControlPlane.Tests.AwsClients
{
    /// <summary>Debian's AWS CLI v2 against the emulator's control plane: every template and version operation, refusals as AWS words them.</summary>
    public sealed class AwsCliTemplateTests
    {
        [Fact]
        public async Task CliInputJson_InAwsCliShape_IsAcceptedUnchanged()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var aws = new AwsCli(cloud);
            string function = Templates.FunctionArn(cloud.Region, cloud.AccountId, "serial-check");
            string file = Path.Combine(cloud.Directory, "t.json");
            await File.WriteAllTextAsync(file, new JsonObject
            {
                ["templateName"] = "factory-a", ["description"] = "line A", ["templateBody"] = Templates.Body, ["enabled"] = true,
                ["provisioningRoleArn"] = Templates.RoleArn(cloud.AccountId), ["preProvisioningHook"] = new JsonObject { ["targetArn"] = function, ["payloadVersion"] = "2020-04-01" },
                ["type"] = "FLEET_PROVISIONING",
            }.ToJsonString());

            var created = await aws.JsonAsync("create-provisioning-template", "--cli-input-json", "file://" + file);
            var described = await aws.JsonAsync("describe-provisioning-template", "--template-name", "factory-a");

            Assert.Equal($"arn:aws:iot:{cloud.Region}:{cloud.AccountId}:provisioningtemplate/factory-a", (string?)created["templateArn"]);
            Assert.Equal(1, (int?)created["defaultVersionId"]);
            Assert.Equal(function, (string?)described["preProvisioningHook"]!["targetArn"]);
            Assert.Equal("line A", (string?)described["description"]);
            Assert.True((bool?)described["enabled"]);
            Assert.Equal(Templates.Body, (string?)described["templateBody"]);
            Assert.NotNull(described["creationDate"]);
        }

        [Fact]
        public async Task EveryTemplateAndVersionOperation_WorksFromTheCli()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var aws = new AwsCli(cloud);
            string function = Templates.FunctionArn(cloud.Region, cloud.AccountId, "serial-check");
            await aws.JsonAsync("create-provisioning-template", "--template-name", "factory-a", "--template-body", Templates.Body,
                "--provisioning-role-arn", Templates.RoleArn(cloud.AccountId), "--no-enabled");
            await aws.JsonAsync("create-provisioning-template", "--template-name", "factory-b", "--template-body", Templates.Body,
                "--provisioning-role-arn", Templates.RoleArn(cloud.AccountId), "--enabled");

            // The seed: an existing template can be updated to add a pre-provisioning hook.
            await aws.JsonAsync("update-provisioning-template", "--template-name", "factory-a", "--enabled",
                "--pre-provisioning-hook", $"targetArn={function},payloadVersion=2020-04-01");
            var hooked = await aws.JsonAsync("describe-provisioning-template", "--template-name", "factory-a");
            var listed = await aws.JsonAsync("list-provisioning-templates");
            var version = await aws.JsonAsync("create-provisioning-template-version", "--template-name", "factory-a", "--template-body", Templates.BodyV2, "--set-as-default");
            var versions = await aws.JsonAsync("list-provisioning-template-versions", "--template-name", "factory-a");
            var v2 = await aws.JsonAsync("describe-provisioning-template-version", "--template-name", "factory-a", "--version-id", "2");
            var deleteDefault = await aws.RunAsync("delete-provisioning-template-version", "--template-name", "factory-a", "--version-id", "2");
            await aws.JsonAsync("delete-provisioning-template-version", "--template-name", "factory-a", "--version-id", "1");
            await aws.JsonAsync("update-provisioning-template", "--template-name", "factory-a", "--remove-pre-provisioning-hook");
            var unhooked = await aws.JsonAsync("describe-provisioning-template", "--template-name", "factory-a");
            await aws.JsonAsync("delete-provisioning-template", "--template-name", "factory-b");
            var missing = await aws.RunAsync("describe-provisioning-template", "--template-name", "factory-b");

            Assert.True((bool?)hooked["enabled"]);
            Assert.Equal(function, (string?)hooked["preProvisioningHook"]!["targetArn"]);
            Assert.Equal(new[] { "factory-a", "factory-b" }, listed["templates"]!.AsArray().Select(t => (string)t!["templateName"]!));
            Assert.Equal((2, true), ((int)version["versionId"]!, (bool)version["isDefaultVersion"]!));
            Assert.Equal(new[] { 1, 2 }, versions["versions"]!.AsArray().Select(v => (int)v!["versionId"]!));
            Assert.Equal(Templates.BodyV2, (string?)v2["templateBody"]);
            Assert.True(deleteDefault.ExitCode == 254, deleteDefault.ToString());
            Assert.Contains("(DeleteConflictException)", deleteDefault.Stderr);
            Assert.Null(unhooked["preProvisioningHook"]);
            Assert.Equal(2, (int?)unhooked["defaultVersionId"]);
            Assert.Contains("(ResourceNotFoundException)", missing.Stderr);
        }

        [Fact]
        public async Task Installer_CreatingATemplate_IsAccessDenied()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var installer = new AwsCli(cloud, DefaultIdentities.Installer);

            var result = await installer.RunAsync("create-provisioning-template", "--template-name", "rogue", "--template-body", Templates.Body,
                "--provisioning-role-arn", Templates.RoleArn(cloud.AccountId));

            Assert.True(result.ExitCode == 254, result.ToString());
            Assert.Contains("An error occurred (AccessDeniedException) when calling the CreateProvisioningTemplate operation", result.Stderr);
            Assert.Contains($"User: arn:aws:iam::{cloud.AccountId}:user/installer is not authorized to perform: iot:CreateProvisioningTemplate on resource: " +
                $"arn:aws:iot:{cloud.Region}:{cloud.AccountId}:provisioningtemplate/rogue", result.Stderr);
            Assert.Null(await cloud.Emulator.Templates.GetAsync("rogue"));
        }

        [Fact]
        public async Task WrongSecret_IsInvalidSignature()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var aws = new AwsCli(cloud);

            var result = await aws.RunWithSecretAsync(new string('x', 40), "list-provisioning-templates");

            Assert.Equal(254, result.ExitCode);
            Assert.Contains("(InvalidSignatureException)", result.Stderr);
            Assert.Contains("The request signature we calculated does not match the signature you provided", result.Stderr);
        }

        [Fact]
        public async Task IdentityWithCustomPolicy_MayReadButNotWrite()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            cloud.Emulator.Identities.Create("auditor", """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":["iot:Describe*","iot:List*"],"Resource":"*"},
                  {"Effect":"Deny","Action":"iot:*","Resource":"arn:aws:iot:*:*:provisioningtemplate/secret-*"}]}
                """);
            await new AwsCli(cloud).JsonAsync("create-provisioning-template", "--template-name", "secret-line", "--template-body", Templates.Body,
                "--provisioning-role-arn", Templates.RoleArn(cloud.AccountId));
            var auditor = new AwsCli(cloud, "auditor");

            var listed = await auditor.JsonAsync("list-provisioning-templates");
            var describe = await auditor.RunAsync("describe-provisioning-template", "--template-name", "secret-line");
            var delete = await auditor.RunAsync("delete-provisioning-template", "--template-name", "secret-line");

            Assert.Equal("secret-line", (string?)listed["templates"]![0]!["templateName"]);
            Assert.True(describe.Stderr.Contains("(AccessDeniedException)"), describe.ToString());
            Assert.Contains("with an explicit deny", describe.Stderr);
            Assert.Contains("not authorized to perform: iot:DeleteProvisioningTemplate", delete.Stderr);
            Assert.NotNull(await cloud.Emulator.Templates.GetAsync("secret-line"));
        }
    }
}
