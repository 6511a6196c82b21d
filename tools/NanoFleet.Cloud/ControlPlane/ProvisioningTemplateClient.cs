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
        /// <summary>Stores <paramref name="body"/> as <paramref name="name"/>'s default version; returns that version's id.</summary>
        /// <param name="provisioningRoleArn">The role a new template names (AWS requires one); unused for a known template.</param>
        /// <exception cref="AwsServiceException">The control plane refused (InvalidRequestException names the rule, VersionsLimitExceededException…).</exception>
        public static async Task<int> PutAsync(ControlPlaneClient client, string name, string body, bool enabled, string provisioningRoleArn)
        {
            string path = "/provisioning-templates/" + Uri.EscapeDataString(name);
            try
            {
                await client.SendAsync("GET", path, null).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.ErrorType == "ResourceNotFoundException")
            {
                var created = await client.SendAsync("POST", "/provisioning-templates", new JsonObject
                {
                    ["templateName"] = name, ["templateBody"] = body, ["enabled"] = enabled, ["provisioningRoleArn"] = provisioningRoleArn,
                }).ConfigureAwait(false);
                return (int)created!["defaultVersionId"]!;
            }

            var version = await client.SendAsync("POST", path + "/versions?setAsDefault=true", new JsonObject { ["templateBody"] = body }).ConfigureAwait(false);
            await client.SendAsync("PATCH", path, new JsonObject { ["enabled"] = enabled }).ConfigureAwait(false);
            return (int)version!["versionId"]!;
        }

        /// <summary>The role `template put` names for a new template: NanoFleetProvisioning in the emulator's account.</summary>
        public static string DefaultRoleArn(string accountId) => $"arn:aws:iam::{accountId}:role/NanoFleetProvisioning";
    }
}
