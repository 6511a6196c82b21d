using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace NanoFleet.Cloud.Registry
{
    internal sealed partial class RegistrySession
    {
        // template_details holds what the control plane adds (description, role, type, hook); a template stored
        // before it existed has no row there and reads as a FLEET_PROVISIONING template created with its first version.
        private const string TemplateSelect =
            "SELECT t.name, t.enabled, t.default_version, v.body, t.updated_at, d.description, d.role_arn, COALESCE(d.type, 'FLEET_PROVISIONING'), " +
            "d.hook_target_arn, d.hook_payload_version, COALESCE(d.created_at, (SELECT MIN(created_at) FROM template_versions WHERE name=t.name)) " +
            "FROM templates t JOIN template_versions v ON v.name=t.name AND v.version=t.default_version " +
            "LEFT JOIN template_details d ON d.name=t.name";

        /// <summary>Adds a version and makes it the default; returns the new version number.</summary>
        public int PutTemplate(string name, string body, bool enabled, DateTimeOffset now)
        {
            int version = AddTemplateVersion(name, body, now);
            long ms = now.ToUnixTimeMilliseconds();
            Execute(@"INSERT INTO templates(name, enabled, default_version, updated_at) VALUES($n,$e,$v,$now)
ON CONFLICT(name) DO UPDATE SET enabled=$e, default_version=$v, updated_at=$now",
                ("$n", name), ("$e", enabled ? 1 : 0), ("$v", version), ("$now", ms));
            return version;
        }

        /// <summary>Stores a new template's details beside its first version (see <see cref="PutTemplate"/>).</summary>
        public void PutTemplateDetails(TemplateDefinition definition, DateTimeOffset now) =>
            Execute("INSERT OR REPLACE INTO template_details(name, description, role_arn, type, hook_target_arn, hook_payload_version, created_at) VALUES($n,$d,$r,$t,$h,$p,$now)",
                ("$n", definition.Name), ("$d", definition.Description), ("$r", definition.ProvisioningRoleArn), ("$t", definition.Type),
                ("$h", definition.PreProvisioningHook?.TargetArn), ("$p", definition.PreProvisioningHook?.PayloadVersion), ("$now", now.ToUnixTimeMilliseconds()));

        /// <summary>Applies an update to a template that exists; the caller has checked the values.</summary>
        public void UpdateTemplate(string name, TemplateUpdate update, DateTimeOffset now)
        {
            var current = GetTemplate(name)!;
            var hook = update.RemovePreProvisioningHook ? null : update.PreProvisioningHook ?? current.PreProvisioningHook;
            PutTemplateDetails(new TemplateDefinition(name, current.Body, current.Enabled, update.Description ?? current.Description,
                update.ProvisioningRoleArn ?? current.ProvisioningRoleArn, hook, current.Type), current.CreatedAt);
            Execute("UPDATE templates SET enabled=$e, default_version=$v, updated_at=$now WHERE name=$n",
                ("$e", (update.Enabled ?? current.Enabled) ? 1 : 0), ("$v", update.DefaultVersionId ?? current.DefaultVersion),
                ("$now", now.ToUnixTimeMilliseconds()), ("$n", name));
        }

        public TemplateInfo? GetTemplate(string name) =>
            Query(TemplateSelect + " WHERE t.name=$n", ReadTemplate, ("$n", name)).FirstOrDefault();

        public List<TemplateInfo> ListTemplates() => Query(TemplateSelect + " ORDER BY t.name", ReadTemplate);

        public bool SetTemplateEnabled(string name, bool enabled, DateTimeOffset now) =>
            Execute("UPDATE templates SET enabled=$e, updated_at=$now WHERE name=$n",
                ("$e", enabled ? 1 : 0), ("$now", now.ToUnixTimeMilliseconds()), ("$n", name)) == 1;

        public bool DeleteTemplate(string name)
        {
            Execute("DELETE FROM template_versions WHERE name=$n", ("$n", name));
            Execute("DELETE FROM template_details WHERE name=$n", ("$n", name));
            return Execute("DELETE FROM templates WHERE name=$n", ("$n", name)) == 1;
        }

        private static TemplateInfo ReadTemplate(SqliteDataReader r) => new(
            r.GetString(0), r.GetInt32(1) != 0, r.GetInt32(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)))
        {
            Description = r.IsDBNull(5) ? null : r.GetString(5),
            ProvisioningRoleArn = r.IsDBNull(6) ? null : r.GetString(6),
            Type = r.GetString(7),
            PreProvisioningHook = r.IsDBNull(8) ? null : new TemplateHook(r.GetString(8), r.IsDBNull(9) ? TemplateHook.DefaultPayloadVersion : r.GetString(9)),
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)),
        };
    }
}
