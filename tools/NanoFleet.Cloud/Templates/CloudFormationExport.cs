using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NanoFleet.Cloud.Templates
{
    /// <summary>
    /// Writes a stored template as a CloudFormation template (JSON) that makes the same thing on AWS:
    /// the `AWS::IoT::ProvisioningTemplate`, the claim certificate's `AWS::IoT::Policy` (AWS's recommended claim
    /// policy for this template), the provisioning `AWS::IAM::Role` (trusting iot.amazonaws.com, with
    /// AWSIoTThingsRegistration) and, for a hook, the `AWS::Lambda::Permission` letting IoT invoke it only for this
    /// template in this account. ARNs are built from `AWS::Partition`, `AWS::Region` and `AWS::AccountId`, so the
    /// stack is right in whatever account it is deployed to; the hook's function must exist there under the same name.
    /// </summary>
    public static partial class CloudFormationExport
    {
        /// <summary>The logical ids of the resources it writes.</summary>
        public const string TemplateId = "ProvisioningTemplate", RoleId = "ProvisioningRole", ClaimPolicyId = "ClaimPolicy", PermissionId = "HookPermission";

        private const string IotArn = "arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:";

        [GeneratedRegex(":function:([A-Za-z0-9_-]{1,64})(:\\$LATEST)?$", RegexOptions.CultureInvariant)]
        private static partial Regex FunctionName();

        /// <summary>The CloudFormation template, indented JSON.</summary>
        public static string Build(TemplateInfo template)
        {
            var resources = new JsonObject
            {
                [RoleId] = Resource("AWS::IAM::Role", new JsonObject
                {
                    ["AssumeRolePolicyDocument"] = new JsonObject
                    {
                        ["Version"] = "2012-10-17",
                        ["Statement"] = new JsonArray(new JsonObject
                        {
                            ["Effect"] = "Allow",
                            ["Principal"] = new JsonObject { ["Service"] = "iot.amazonaws.com" },
                            ["Action"] = "sts:AssumeRole",
                        }),
                    },
                    ["ManagedPolicyArns"] = new JsonArray(Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSIoTThingsRegistration")),
                }),
                [ClaimPolicyId] = Resource("AWS::IoT::Policy", new JsonObject
                {
                    ["PolicyName"] = template.Name + "-claim",
                    ["PolicyDocument"] = ClaimPolicy(template.Name),
                }),
            };
            var properties = new JsonObject
            {
                ["TemplateName"] = template.Name,
                ["Enabled"] = template.Enabled,
                ["ProvisioningRoleArn"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray(RoleId, "Arn") },
                ["TemplateBody"] = template.Body,
                ["TemplateType"] = "FLEET_PROVISIONING",
            };
            var provisioningTemplate = Resource("AWS::IoT::ProvisioningTemplate", properties);
            if (template.PreProvisioningHook is { } hook)
            {
                // The emulator's ARN carries its own region and account; on AWS the function is the deploying account's.
                var match = FunctionName().Match(hook.TargetArn);
                JsonNode FunctionArn() => match.Success
                    ? Sub("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:" + match.Groups[1].Value)
                    : JsonValue.Create(hook.TargetArn)!;
                properties["PreProvisioningHook"] = new JsonObject { ["TargetArn"] = FunctionArn(), ["PayloadVersion"] = hook.PayloadVersion };
                resources[PermissionId] = Resource("AWS::Lambda::Permission", new JsonObject
                {
                    ["Action"] = "lambda:InvokeFunction",
                    ["FunctionName"] = FunctionArn(),
                    ["Principal"] = "iot.amazonaws.com",
                    ["SourceArn"] = Sub(IotArn + "provisioningtemplate/" + template.Name),
                    ["SourceAccount"] = new JsonObject { ["Ref"] = "AWS::AccountId" },
                });
                provisioningTemplate["DependsOn"] = PermissionId; // IoT may invoke the hook from the template's first RegisterThing
            }

            resources[TemplateId] = provisioningTemplate;
            var root = new JsonObject
            {
                ["AWSTemplateFormatVersion"] = "2010-09-09",
                ["Description"] = $"Fleet provisioning template '{template.Name}' (v{template.DefaultVersion}) exported by nanofleet cloud template export",
                ["Resources"] = resources,
                ["Outputs"] = new JsonObject
                {
                    ["TemplateArn"] = new JsonObject { ["Value"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray(TemplateId, "TemplateArn") } },
                    ["ClaimPolicyName"] = new JsonObject { ["Value"] = new JsonObject { ["Ref"] = ClaimPolicyId } },
                },
            };
            return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }

        /// <summary>AWS's recommended claim policy, for both CreateKeysAndCertificate and CreateCertificateFromCsr.</summary>
        private static JsonObject ClaimPolicy(string templateName)
        {
            string[] topics = { "$aws/certificates/create/*", "$aws/certificates/create-from-csr/*", $"$aws/provisioning-templates/{templateName}/provision/*" };
            var publish = new JsonArray();
            var subscribe = new JsonArray();
            foreach (string topic in topics)
            {
                publish.Add(Sub(IotArn + "topic/" + topic));
                subscribe.Add(Sub(IotArn + "topicfilter/" + topic));
            }

            return new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(
                    new JsonObject { ["Effect"] = "Allow", ["Action"] = "iot:Connect", ["Resource"] = "*" },
                    new JsonObject { ["Effect"] = "Allow", ["Action"] = new JsonArray("iot:Publish", "iot:Receive"), ["Resource"] = publish },
                    new JsonObject { ["Effect"] = "Allow", ["Action"] = "iot:Subscribe", ["Resource"] = subscribe }),
            };
        }

        private static JsonObject Resource(string type, JsonObject properties) => new() { ["Type"] = type, ["Properties"] = properties };

        private static JsonObject Sub(string text) => new() { ["Fn::Sub"] = text };
    }
}
