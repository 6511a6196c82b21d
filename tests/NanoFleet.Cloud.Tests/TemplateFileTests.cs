using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.Templates;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>
    /// One template file for both sides: the AWS CLI's create-provisioning-template input is stored unchanged, and
    /// the stored template exports as a CloudFormation template whose resources carry the properties CloudFormation's
    /// resource specification defines, and which gives the same input back.
    /// </summary>
    public class TemplateFileTests
    {
        private const string HookArn = "arn:aws:lambda:us-east-1:123456789012:function:allow-list";

        /// <summary>CloudFormation's resource specification for the types the export writes: required, then allowed properties.</summary>
        private static readonly Dictionary<string, (string[] Required, string[] Allowed)> Specification = new()
        {
            ["AWS::IoT::ProvisioningTemplate"] = (["ProvisioningRoleArn", "TemplateBody"],
                ["Description", "Enabled", "PreProvisioningHook", "ProvisioningRoleArn", "Tags", "TemplateBody", "TemplateName", "TemplateType"]),
            ["AWS::IoT::Policy"] = (["PolicyDocument"], ["PolicyDocument", "PolicyName", "Tags"]),
            ["AWS::IAM::Role"] = (["AssumeRolePolicyDocument"],
                ["AssumeRolePolicyDocument", "Description", "ManagedPolicyArns", "MaxSessionDuration", "Path", "PermissionsBoundary", "Policies", "RoleName", "Tags"]),
            ["AWS::Lambda::Permission"] = (["Action", "FunctionName", "Principal"],
                ["Action", "EventSourceToken", "FunctionName", "FunctionUrlAuthType", "Principal", "PrincipalOrgID", "SourceAccount", "SourceArn"]),
        };

        [Fact]
        public async Task CliInput_IsStored_AndRoundTripsThroughTheCloudFormationExport()
        {
            await using var env = await TestEmulator.StartAsync();
            var input = ProvisioningTemplateInput.Parse(CliInput());

            var stored = await input.PutAsync(env.Emulator.Templates);

            Assert.Equal(("fleet", TemplateBodies.Fleet, true, new TemplateHook(HookArn)), (stored.Name, stored.Body, stored.Enabled, stored.PreProvisioningHook));
            var stack = JsonNode.Parse(CloudFormationExport.Build(stored))!;
            var properties = Properties(stack, CloudFormationExport.TemplateId);
            var back = ProvisioningTemplateInput.Parse(new JsonObject
            {
                ["templateName"] = properties["TemplateName"]!.GetValue<string>(),
                ["templateBody"] = properties["TemplateBody"]!.GetValue<string>(),
                ["enabled"] = properties["Enabled"]!.GetValue<bool>(),
                ["provisioningRoleArn"] = "arn:aws:iam::123456789012:role/" + CloudFormationExport.RoleId,
                ["preProvisioningHook"] = new JsonObject
                {
                    ["targetArn"] = Deployed(properties["PreProvisioningHook"]!["TargetArn"]!),
                    ["payloadVersion"] = properties["PreProvisioningHook"]!["PayloadVersion"]!.GetValue<string>(),
                },
                ["type"] = properties["TemplateType"]!.GetValue<string>(),
            }.ToJsonString());
            Assert.Equal((input.TemplateName, input.TemplateBody, input.Enabled, input.PreProvisioningHook), (back.TemplateName, back.TemplateBody, back.Enabled, back.PreProvisioningHook));
        }

        [Fact]
        public async Task Export_HasTheFourResources_WithTheirPropertiesAndConditions()
        {
            await using var env = await TestEmulator.StartAsync();
            var stored = await ProvisioningTemplateInput.Parse(CliInput()).PutAsync(env.Emulator.Templates);

            var stack = JsonNode.Parse(CloudFormationExport.Build(stored))!;

            Assert.Equal("2010-09-09", stack["AWSTemplateFormatVersion"]!.GetValue<string>());
            CheckAgainstSpecification(stack);
            var permission = Properties(stack, CloudFormationExport.PermissionId);
            Assert.Equal("lambda:InvokeFunction", permission["Action"]!.GetValue<string>());
            Assert.Equal("iot.amazonaws.com", permission["Principal"]!.GetValue<string>());
            Assert.Equal(HookArn, Deployed(permission["FunctionName"]!));
            Assert.Equal("arn:aws:iot:us-east-1:123456789012:provisioningtemplate/fleet", Deployed(permission["SourceArn"]!));
            Assert.Equal("AWS::AccountId", permission["SourceAccount"]!["Ref"]!.GetValue<string>());
            Assert.Equal(CloudFormationExport.PermissionId, stack["Resources"]![CloudFormationExport.TemplateId]!["DependsOn"]!.GetValue<string>());

            var template = Properties(stack, CloudFormationExport.TemplateId);
            Assert.Equal(new[] { CloudFormationExport.RoleId, "Arn" }, template["ProvisioningRoleArn"]!["Fn::GetAtt"]!.AsArray().Select(n => n!.GetValue<string>()));
            var role = Properties(stack, CloudFormationExport.RoleId);
            var trust = Assert.Single(role["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;
            Assert.Equal(("iot.amazonaws.com", "sts:AssumeRole"), (trust["Principal"]!["Service"]!.GetValue<string>(), trust["Action"]!.GetValue<string>()));
            Assert.Equal("arn:aws:iam::aws:policy/service-role/AWSIoTThingsRegistration", Deployed(Assert.Single(role["ManagedPolicyArns"]!.AsArray())!));

            var claimPolicy = Properties(stack, CloudFormationExport.ClaimPolicyId)["PolicyDocument"]!["Statement"]!.AsArray();
            var subscribe = claimPolicy.Single(s => s!["Action"]!.ToJsonString() == "\"iot:Subscribe\"")!["Resource"]!.AsArray().Select(n => Deployed(n!)).ToList();
            Assert.Contains("arn:aws:iot:us-east-1:123456789012:topicfilter/$aws/provisioning-templates/fleet/provision/*", subscribe);
            Assert.Contains("arn:aws:iot:us-east-1:123456789012:topicfilter/$aws/certificates/create/*", subscribe);
        }

        [Fact]
        public async Task InputWithoutHook_RemovesTheHook_AndTheExportHasNoPermission()
        {
            await using var env = await TestEmulator.StartAsync();
            await ProvisioningTemplateInput.Parse(CliInput()).PutAsync(env.Emulator.Templates);

            var stored = await ProvisioningTemplateInput.Parse(CliInput(hook: false, enabled: null)).PutAsync(env.Emulator.Templates);

            Assert.Null(stored.PreProvisioningHook);
            Assert.False(stored.Enabled); // AWS's create-provisioning-template default
            Assert.Equal(2, stored.DefaultVersion);
            var stack = JsonNode.Parse(CloudFormationExport.Build(stored))!;
            CheckAgainstSpecification(stack);
            Assert.Null(stack["Resources"]![CloudFormationExport.PermissionId]);
            Assert.Null(Properties(stack, CloudFormationExport.TemplateId)["PreProvisioningHook"]);
        }

        [Theory]
        [InlineData("tags2", "[]", "Unknown parameter in input: \"tags2\"")]
        [InlineData("templateBody", "null", "templateBody is missing")]
        [InlineData("templateBody", "\"{}\"", "Resources")]
        [InlineData("templateName", "\"no spaces\"", "no spaces")]
        [InlineData("provisioningRoleArn", "\"role/x\"", "provisioningRoleArn 'role/x'")]
        [InlineData("type", "\"JITP\"", "type 'JITP'")]
        [InlineData("enabled", "\"yes\"", "enabled must be true or false")]
        [InlineData("preProvisioningHook", "{\"targetArn\":\"arn:aws:sns:us-east-1:123456789012:topic\"}", "targetArn 'arn:aws:sns")]
        [InlineData("preProvisioningHook", "{\"targetArn\":\"" + HookArn + "\",\"payloadVersion\":\"2021-01-01\"}", "payloadVersion '2021-01-01'")]
        public void CliInput_BadField_IsRefusedNamingIt(string key, string value, string named)
        {
            var json = JsonNode.Parse(CliInput())!.AsObject();
            json[key] = JsonNode.Parse(value);

            var error = Assert.Throws<InvalidTemplateException>(() => ProvisioningTemplateInput.Parse(json.ToJsonString()));

            Assert.Contains(named, error.Message);
        }

        private static string CliInput(bool hook = true, bool? enabled = true)
        {
            var input = new JsonObject
            {
                ["templateName"] = "fleet",
                ["description"] = "Lightbulbs of the v1 line",
                ["templateBody"] = TemplateBodies.Fleet,
                ["provisioningRoleArn"] = "arn:aws:iam::123456789012:role/FleetProvisioning",
                ["tags"] = new JsonArray(new JsonObject { ["Key"] = "line", ["Value"] = "v1" }),
                ["type"] = "FLEET_PROVISIONING",
            };
            if (enabled is { } on)
            {
                input["enabled"] = on;
            }

            if (hook)
            {
                input["preProvisioningHook"] = new JsonObject { ["targetArn"] = HookArn, ["payloadVersion"] = "2020-04-01" };
            }

            return input.ToJsonString();
        }

        /// <summary>Every resource's type is one the export may write, its required properties are there, and it has no
        /// property CloudFormation does not define; references point at resources of the stack.</summary>
        private static void CheckAgainstSpecification(JsonNode stack)
        {
            var resources = stack["Resources"]!.AsObject();
            foreach (var (id, resource) in resources)
            {
                string type = resource!["Type"]!.GetValue<string>();
                Assert.True(Specification.TryGetValue(type, out var spec), $"{id}: unexpected type {type}");
                var keys = resource["Properties"]!.AsObject().Select(p => p.Key).ToList();
                Assert.All(spec.Required, required => Assert.Contains(required, keys));
                Assert.All(keys, key => Assert.Contains(key, spec.Allowed));
                if (resource["DependsOn"] is { } dependsOn)
                {
                    Assert.True(resources.ContainsKey(dependsOn.GetValue<string>()), $"{id} depends on a resource the stack lacks");
                }
            }

            foreach (string getAtt in Descendants(stack).OfType<JsonObject>().Where(o => o.ContainsKey("Fn::GetAtt")).Select(o => o["Fn::GetAtt"]![0]!.GetValue<string>()))
            {
                Assert.True(resources.ContainsKey(getAtt), $"Fn::GetAtt names {getAtt}, which the stack lacks");
            }

            Assert.Equal(new[] { "AWS::IAM::Role", "AWS::IoT::Policy", "AWS::IoT::ProvisioningTemplate" },
                resources.Select(r => r.Value!["Type"]!.GetValue<string>()).Where(t => t != "AWS::Lambda::Permission").Order(StringComparer.Ordinal));
        }

        private static IEnumerable<JsonNode> Descendants(JsonNode node)
        {
            yield return node;
            var children = node switch
            {
                JsonObject o => o.Select(p => p.Value),
                JsonArray a => a.AsEnumerable(),
                _ => Enumerable.Empty<JsonNode?>(),
            };
            foreach (var child in children.OfType<JsonNode>().SelectMany(Descendants))
            {
                yield return child;
            }
        }

        private static JsonObject Properties(JsonNode stack, string id) => stack["Resources"]![id]!["Properties"]!.AsObject();

        /// <summary>What CloudFormation makes of an Fn::Sub when deployed to us-east-1 in account 123456789012.</summary>
        private static string Deployed(JsonNode value) => value is JsonObject sub
            ? sub["Fn::Sub"]!.GetValue<string>().Replace("${AWS::Partition}", "aws").Replace("${AWS::Region}", "us-east-1").Replace("${AWS::AccountId}", "123456789012")
            : value.GetValue<string>();
    }
}
