using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace NanoFleet.Cloud.Registry
{
    internal sealed partial class RegistrySession
    {
        /// <summary>Adds a version (one above the highest, so a deleted version's id is never reused); returns its id.</summary>
        public int AddTemplateVersion(string name, string body, DateTimeOffset now)
        {
            int version = Query("SELECT COALESCE(MAX(version),0)+1 FROM template_versions WHERE name=$n", r => r.GetInt32(0), ("$n", name))[0];
            Execute("INSERT INTO template_versions(name, version, body, created_at) VALUES($n,$v,$b,$now)",
                ("$n", name), ("$v", version), ("$b", body), ("$now", now.ToUnixTimeMilliseconds()));
            return version;
        }

        public List<TemplateVersionInfo> ListTemplateVersions(string name) =>
            Query("SELECT v.version, v.created_at, v.version=t.default_version, v.body FROM template_versions v JOIN templates t ON t.name=v.name " +
                  "WHERE v.name=$n ORDER BY v.version", ReadVersion, ("$n", name));

        public TemplateVersionInfo? GetTemplateVersion(string name, int version) =>
            ListTemplateVersions(name).FirstOrDefault(v => v.VersionId == version);

        public bool DeleteTemplateVersion(string name, int version) =>
            Execute("DELETE FROM template_versions WHERE name=$n AND version=$v", ("$n", name), ("$v", version)) == 1;

        private static TemplateVersionInfo ReadVersion(SqliteDataReader r) =>
            new(r.GetInt32(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetInt64(2) != 0, r.GetString(3));
    }
}
