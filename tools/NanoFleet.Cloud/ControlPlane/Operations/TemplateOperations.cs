using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.ControlPlane.Operations
{
    /// <summary>
    /// The AWS IoT operations on provisioning templates and their versions, with the paths, members and
    /// status codes of the AWS IoT API reference (botocore's iot 2015-05-28 model). Timestamps are epoch
    /// seconds, restJson1's default. The IAM resource is the template's ARN; the list call's is `*`.
    /// </summary>
    internal static class TemplateOperations
    {
        private const string Templates = "/provisioning-templates";
        private const string Template = Templates + "/{templateName}";
        private const string Versions = Template + "/versions";
        private const string Version = Versions + "/{versionId}";

        // AWS: maxResults 1-250 for both template listings.
        private const int MaxPage = 250;

        public static void Map(OperationTable table, FleetEmulator emulator)
        {
            var arns = new AwsArns(emulator.Options.Region, emulator.Options.AccountId);
            Func<ControlPlaneRequest, string> byRoute = r => arns.ProvisioningTemplate(r.Route("templateName"));
            TemplateRegistry Registry() => emulator.Templates;

            Add(table, "CreateProvisioningTemplate", "POST", Templates, r => arns.ProvisioningTemplate(r.OptionalString("templateName") ?? "*"), async r =>
            {
                var info = await Registry().CreateAsync(new TemplateDefinition(
                    r.RequiredString("templateName"), r.RequiredString("templateBody"), r.OptionalBool("enabled") ?? false, r.OptionalString("description"),
                    r.RequiredString("provisioningRoleArn"), Hook(r), r.OptionalString("type") ?? TemplateTypes.FleetProvisioning)).ConfigureAwait(false);
                return new JsonObject { ["templateArn"] = arns.ProvisioningTemplate(info.Name), ["templateName"] = info.Name, ["defaultVersionId"] = info.DefaultVersion };
            });
            Add(table, "DescribeProvisioningTemplate", "GET", Template, byRoute, async r => Describe(arns, await Find(Registry(), r).ConfigureAwait(false)));
            Add(table, "ListProvisioningTemplates", "GET", Templates, _ => "*", async r =>
            {
                var page = Pagination.Page(r, await Registry().ListAsync().ConfigureAwait(false), "maxResults", "nextToken", MaxPage, MaxPage, out string? next);
                return Pagination.WithNext(new JsonObject { ["templates"] = new JsonArray(page.Select(t => (JsonNode)Summary(arns, t)).ToArray()) }, "nextToken", next);
            });
            Add(table, "UpdateProvisioningTemplate", "PATCH", Template, byRoute, async r =>
            {
                await Registry().UpdateAsync(r.Route("templateName"), new TemplateUpdate(
                    r.OptionalString("description"), r.OptionalBool("enabled"), r.OptionalInt("defaultVersionId"), r.OptionalString("provisioningRoleArn"),
                    Hook(r), r.OptionalBool("removePreProvisioningHook") ?? false)).ConfigureAwait(false);
                return new JsonObject();
            });
            Add(table, "DeleteProvisioningTemplate", "DELETE", Template, byRoute, async r =>
                await Registry().DeleteAsync(r.Route("templateName")).ConfigureAwait(false)
                    ? new JsonObject()
                    : throw AwsServiceException.ResourceNotFound($"The provisioning template {r.Route("templateName")} does not exist."));
            Add(table, "CreateProvisioningTemplateVersion", "POST", Versions, byRoute, async r =>
            {
                string name = r.Route("templateName");
                var version = await Registry().CreateVersionAsync(name, r.RequiredString("templateBody"), IsTrue(r.QueryValue("setAsDefault"), "setAsDefault")).ConfigureAwait(false);
                return new JsonObject
                {
                    ["templateArn"] = arns.ProvisioningTemplate(name), ["templateName"] = name, ["versionId"] = version.VersionId, ["isDefaultVersion"] = version.IsDefault,
                };
            });
            Add(table, "ListProvisioningTemplateVersions", "GET", Versions, byRoute, async r =>
            {
                var versions = await Registry().ListVersionsAsync(r.Route("templateName")).ConfigureAwait(false);
                var page = Pagination.Page(r, versions, "maxResults", "nextToken", MaxPage, MaxPage, out string? next);
                return Pagination.WithNext(new JsonObject { ["versions"] = new JsonArray(page.Select(v => (JsonNode)new JsonObject
                {
                    ["versionId"] = v.VersionId, ["creationDate"] = AwsJson.Timestamp(v.CreatedAt), ["isDefaultVersion"] = v.IsDefault,
                }).ToArray()) }, "nextToken", next);
            });
            Add(table, "DescribeProvisioningTemplateVersion", "GET", Version, byRoute, async r =>
            {
                var v = await Registry().GetVersionAsync(r.Route("templateName"), r.RouteInt("versionId")).ConfigureAwait(false);
                return new JsonObject
                {
                    ["versionId"] = v.VersionId, ["creationDate"] = AwsJson.Timestamp(v.CreatedAt), ["templateBody"] = v.Body, ["isDefaultVersion"] = v.IsDefault,
                };
            });
            Add(table, "DeleteProvisioningTemplateVersion", "DELETE", Version, byRoute, async r =>
            {
                await Registry().DeleteVersionAsync(r.Route("templateName"), r.RouteInt("versionId")).ConfigureAwait(false);
                return new JsonObject();
            });
        }

        private static void Add(OperationTable table, string name, string method, string path, Func<ControlPlaneRequest, string> resource, Func<ControlPlaneRequest, Task<JsonObject?>> handler) =>
            table.Add(new ControlPlaneOperation(name, method, path, "iot:" + name, resource, handler));

        private static async Task<TemplateInfo> Find(TemplateRegistry registry, ControlPlaneRequest r) =>
            await registry.GetAsync(r.Route("templateName")).ConfigureAwait(false)
                ?? throw AwsServiceException.ResourceNotFound($"The provisioning template {r.Route("templateName")} does not exist.");

        private static TemplateHook? Hook(ControlPlaneRequest r)
        {
            var hook = r.OptionalObject("preProvisioningHook");
            if (hook is null)
            {
                return null;
            }

            var inner = new ControlPlaneRequest(r.RouteValues, r.Query, hook, r.CallerArn);
            return new TemplateHook(inner.RequiredString("targetArn"), inner.OptionalString("payloadVersion") ?? TemplateHook.DefaultPayloadVersion);
        }

        private static bool IsTrue(string? value, string name) => value switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw AwsServiceException.InvalidRequest($"{name} must be true or false, not '{value}'"),
        };

        private static JsonObject Summary(AwsArns arns, TemplateInfo t)
        {
            var summary = new JsonObject
            {
                ["templateArn"] = arns.ProvisioningTemplate(t.Name),
                ["templateName"] = t.Name,
                ["creationDate"] = AwsJson.Timestamp(t.CreatedAt),
                ["lastModifiedDate"] = AwsJson.Timestamp(t.UpdatedAt),
                ["enabled"] = t.Enabled,
                ["type"] = t.Type,
            };
            if (t.Description is not null)
            {
                summary["description"] = t.Description;
            }

            return summary;
        }

        private static JsonObject Describe(AwsArns arns, TemplateInfo t)
        {
            var described = Summary(arns, t);
            described["defaultVersionId"] = t.DefaultVersion;
            described["templateBody"] = t.Body;
            if (t.ProvisioningRoleArn is not null)
            {
                described["provisioningRoleArn"] = t.ProvisioningRoleArn;
            }

            if (t.PreProvisioningHook is { } hook)
            {
                described["preProvisioningHook"] = new JsonObject { ["targetArn"] = hook.TargetArn, ["payloadVersion"] = hook.PayloadVersion };
            }

            return described;
        }
    }
}
