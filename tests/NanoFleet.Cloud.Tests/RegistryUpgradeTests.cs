using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>A registry made before templates had details (description, role, type, hook) opens, keeps its templates, and takes hooks.</summary>
    public class RegistryUpgradeTests
    {
        [Fact]
        public async Task RegistryWithoutHookColumns_GetsThem_TemplatesKept()
        {
            string directory = Directory.CreateTempSubdirectory("nf-upgrade-").FullName;
            using (var old = new SqliteConnection($"Data Source={Path.Combine(directory, "registry.db")};Pooling=false"))
            {
                old.Open();
                using var create = old.CreateCommand();
                create.CommandText = @"
CREATE TABLE templates(name TEXT PRIMARY KEY, enabled INTEGER NOT NULL, default_version INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE template_versions(name TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY(name, version));
INSERT INTO templates VALUES('fleet', 1, 1, 0);
INSERT INTO template_versions VALUES('fleet', 1, $body, 0);";
                create.Parameters.AddWithValue("$body", TemplateBodies.Fleet);
                create.ExecuteNonQuery();
            }

            await using var env = await TestEmulator.StartAsync(directory: directory);

            var kept = (await env.Emulator.Templates.GetAsync("fleet"))!;
            Assert.Equal((TemplateBodies.Fleet, (TemplateHook?)null), (kept.Body, kept.PreProvisioningHook));
            var hook = new TemplateHook(env.Emulator.Functions.ArnOf("allow-list"));
            Assert.Equal(hook, (await env.Emulator.Templates.UpdateAsync("fleet", new TemplateUpdate(PreProvisioningHook: hook))).PreProvisioningHook);
        }
    }
}
