using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace NanoFleet.Cloud.Registry
{
    internal sealed partial class RegistrySession
    {
        private const string TemplateSelect =
            "SELECT t.name, t.enabled, t.default_version, v.body, t.updated_at, t.hook_target_arn, t.hook_payload_version FROM templates t " +
            "JOIN template_versions v ON v.name=t.name AND v.version=t.default_version";

        /// <summary>Adds a version and makes it the default; returns the new version number.</summary>
        public int PutTemplate(string name, string body, bool enabled, DateTimeOffset now)
        {
            long ms = now.ToUnixTimeMilliseconds();
            int version = Query("SELECT COALESCE(MAX(version),0)+1 FROM template_versions WHERE name=$n", r => r.GetInt32(0), ("$n", name))[0];
            Execute("INSERT INTO template_versions(name, version, body, created_at) VALUES($n,$v,$b,$now)",
                ("$n", name), ("$v", version), ("$b", body), ("$now", ms));
            Execute(@"INSERT INTO templates(name, enabled, default_version, updated_at) VALUES($n,$e,$v,$now)
ON CONFLICT(name) DO UPDATE SET enabled=$e, default_version=$v, updated_at=$now",
                ("$n", name), ("$e", enabled ? 1 : 0), ("$v", version), ("$now", ms));
            return version;
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
            return Execute("DELETE FROM templates WHERE name=$n", ("$n", name)) == 1;
        }

        /// <summary>Sets or (null) removes a template's pre-provisioning hook; false when the template does not exist.
        /// The hook belongs to the template, not to a version, as in AWS: a new version keeps it.</summary>
        public bool SetTemplateHook(string name, TemplateHook? hook, DateTimeOffset now) =>
            Execute("UPDATE templates SET hook_target_arn=$a, hook_payload_version=$p, updated_at=$now WHERE name=$n",
                ("$a", hook?.TargetArn), ("$p", hook?.PayloadVersion), ("$now", now.ToUnixTimeMilliseconds()), ("$n", name)) == 1;

        private static TemplateInfo ReadTemplate(SqliteDataReader r) => new(
            r.GetString(0), r.GetInt32(1) != 0, r.GetInt32(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)))
        {
            PreProvisioningHook = NullableString(r, 5) is { } arn ? new TemplateHook(arn, NullableString(r, 6) ?? TemplateHook.DefaultPayloadVersion) : null,
        };
    }
}
