using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace NanoFleet.Cloud.ControlPlane
{
    /// <summary>
    /// `nanofleet cloud template put` over the control plane, in AWS's own calls: a new name is
    /// CreateProvisioningTemplate; a known one gets its body as a new default version
    /// (CreateProvisioningTemplateVersion with setAsDefault) and its enabled flag set (UpdateProvisioningTemplate).
    /// </summary>
    public static class ProvisioningTemplateClient
    {
        /// <summary>Stores <paramref name="body"/> as <paramref name="name"/>'s default version and sets its enabled flag.</summary>
        /// <param name="provisioningRoleArn">The role a new template names (AWS requires one); unused for a known template.</param>
        /// <returns>The stored template.</returns>
        /// <exception cref="AwsServiceException">The control plane refused (InvalidRequestException names the rule, VersionsLimitExceededException…).</exception>
        public static Task<TemplateInfo> PutAsync(ControlPlaneClient client, string name, string body, bool enabled, string provisioningRoleArn) =>
            PutInputAsync(client, new JsonObject
            {
                ["templateName"] = name, ["templateBody"] = body, ["enabled"] = enabled, ["provisioningRoleArn"] = provisioningRoleArn,
            }, onlyEnabled: true);

        /// <summary>
        /// Stores an `aws iot create-provisioning-template --cli-input-json` input: unchanged as CreateProvisioningTemplate for a
        /// new name; for a known one its body as the new default version and, with UpdateProvisioningTemplate, its description,
        /// enabled flag, role and hook (an input without a hook removes the template's).
        /// </summary>
        /// <param name="onlyEnabled">For a known template, set only its enabled flag (the short form `template put NAME FILE`).</param>
        /// <returns>The stored template.</returns>
        public static async Task<TemplateInfo> PutInputAsync(ControlPlaneClient client, JsonObject input, bool onlyEnabled = false)
        {
            string name = (string)input["templateName"]!;
            string path = "/provisioning-templates/" + Uri.EscapeDataString(name);
            try
            {
                await client.SendAsync("GET", path, null).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.ErrorType == "ResourceNotFoundException")
            {
                await client.SendAsync("POST", "/provisioning-templates", input).ConfigureAwait(false);
                return await DescribeAsync(client, path).ConfigureAwait(false);
            }

            await client.SendAsync("POST", path + "/versions?setAsDefault=true", new JsonObject { ["templateBody"] = (string)input["templateBody"]! })
                .ConfigureAwait(false);
            var update = new JsonObject { ["enabled"] = (bool?)input["enabled"] ?? false };
            if (!onlyEnabled)
            {
                foreach (string member in new[] { "description", "provisioningRoleArn", "preProvisioningHook" })
                {
                    if (input[member] is { } value)
                    {
                        update[member] = value.DeepClone();
                    }
                }

                update["removePreProvisioningHook"] = input["preProvisioningHook"] is null;
            }

            await client.SendAsync("PATCH", path, update).ConfigureAwait(false);
            return await DescribeAsync(client, path).ConfigureAwait(false);
        }

        private static async Task<TemplateInfo> DescribeAsync(ControlPlaneClient client, string path)
        {
            var d = (await client.SendAsync("GET", path, null).ConfigureAwait(false))!;
            var hook = d["preProvisioningHook"] is JsonObject h
                ? new TemplateHook((string)h["targetArn"]!, (string?)h["payloadVersion"] ?? TemplateHook.DefaultPayloadVersion)
                : null;
            return new TemplateInfo((string)d["templateName"]!, (bool)d["enabled"]!, (int)d["defaultVersionId"]!, (string)d["templateBody"]!,
                DateTimeOffset.FromUnixTimeMilliseconds((long)((double)d["lastModifiedDate"]! * 1000)))
            {
                Description = (string?)d["description"],
                ProvisioningRoleArn = (string?)d["provisioningRoleArn"],
                Type = (string?)d["type"] ?? TemplateTypes.FleetProvisioning,
                PreProvisioningHook = hook,
            };
        }

        /// <summary>The role `template put` names for a new template: NanoFleetProvisioning in the emulator's account.</summary>
        public static string DefaultRoleArn(string accountId) => $"arn:aws:iam::{accountId}:role/NanoFleetProvisioning";
    }
}
