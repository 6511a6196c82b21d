using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace NanoFleet.Cloud.Templates
{
    /// <summary>
    /// The input of `aws iot create-provisioning-template --cli-input-json FILE`, unchanged: templateName,
    /// description, templateBody (a string), enabled (AWS's default false), provisioningRoleArn,
    /// preProvisioningHook {targetArn, payloadVersion}, tags and type. The emulator stores all of it but the tags,
    /// checking each field as AWS does.
    /// </summary>
    /// <example><code>
    /// var input = ProvisioningTemplateInput.Parse(File.ReadAllText("fleet.json"));
    /// await input.PutAsync(emulator.Templates);
    /// </code></example>
    public sealed record ProvisioningTemplateInput(
        string TemplateName, string? Description, string TemplateBody, bool Enabled, string ProvisioningRoleArn, TemplateHook? PreProvisioningHook)
    {
        private static readonly string[] Keys = { "templateName", "description", "templateBody", "enabled", "provisioningRoleArn", "preProvisioningHook", "tags", "type" };

        /// <summary>Reads and checks the file's JSON.</summary>
        /// <exception cref="InvalidTemplateException">A field is missing, unknown or malformed, or the body breaks a template rule; the message names it.</exception>
        public static ProvisioningTemplateInput Parse(string json)
        {
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(json).RootElement;
            }
            catch (JsonException ex)
            {
                throw new InvalidTemplateException("the input is not JSON: " + ex.Message);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidTemplateException("the input must be a JSON object of create-provisioning-template parameters");
            }

            foreach (var property in root.EnumerateObject().Where(p => !Keys.Contains(p.Name, StringComparer.Ordinal)))
            {
                // The AWS CLI's own words for a key it does not know.
                throw new InvalidTemplateException($"Unknown parameter in input: \"{property.Name}\", must be one of: {string.Join(", ", Keys)}");
            }

            string name = RequiredString(root, "templateName");
            TemplateRules.CheckName(name);
            string body = RequiredString(root, "templateBody");
            ProvisioningTemplate.Parse(body);
            string role = RequiredString(root, "provisioningRoleArn");
            string? description = OptionalString(root, "description");
            if (OptionalString(root, "type") is { } type && type != TemplateTypes.FleetProvisioning)
            {
                throw new InvalidTemplateException($"type '{type}' is not stored by `template put`: only FLEET_PROVISIONING templates are (JITP templates go with a CA's registration config)");
            }

            bool enabled = root.TryGetProperty("enabled", out var e) && (e.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? e.GetBoolean()
                : throw new InvalidTemplateException("enabled must be true or false"));
            TemplateHook? hook = null;
            if (root.TryGetProperty("preProvisioningHook", out var h))
            {
                if (h.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidTemplateException("preProvisioningHook must be an object {\"targetArn\": …, \"payloadVersion\": \"2020-04-01\"}");
                }

                hook = new TemplateHook(RequiredString(h, "targetArn", "preProvisioningHook."), OptionalString(h, "payloadVersion", "preProvisioningHook.") ?? TemplateHook.DefaultPayloadVersion);
            }

            TemplateSettingRules.Check(description, role, hook, TemplateTypes.FleetProvisioning);
            return new ProvisioningTemplateInput(name, description, body, enabled, role, hook);
        }

        /// <summary>Stores it: a new template (CreateProvisioningTemplate), or for a known name the body as its new default
        /// version with its description, enabled flag, role and hook (none removes one), as UpdateProvisioningTemplate sets them.</summary>
        /// <returns>The stored template.</returns>
        public async Task<TemplateInfo> PutAsync(TemplateRegistry templates)
        {
            if (await templates.GetAsync(TemplateName).ConfigureAwait(false) is null)
            {
                return await templates.CreateAsync(new TemplateDefinition(TemplateName, TemplateBody, Enabled, Description, ProvisioningRoleArn, PreProvisioningHook))
                    .ConfigureAwait(false);
            }

            await templates.PutAsync(TemplateName, TemplateBody, Enabled).ConfigureAwait(false);
            return await templates.UpdateAsync(TemplateName, new TemplateUpdate(Description, Enabled, null, ProvisioningRoleArn, PreProvisioningHook, PreProvisioningHook is null))
                .ConfigureAwait(false);
        }

        private static string RequiredString(JsonElement node, string key, string at = "") =>
            OptionalString(node, key, at) is { Length: > 0 } value ? value : throw new InvalidTemplateException($"{at}{key} is missing or empty");

        private static string? OptionalString(JsonElement node, string key, string at = "")
        {
            if (!node.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new InvalidTemplateException($"{at}{key} must be a string");
        }
    }
}
