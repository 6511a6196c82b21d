using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace NanoFleet.Cloud.Registry
{
    internal sealed partial class RegistrySession
    {
        private const string ThingSelect = "SELECT name, thing_type, attributes, groups, billing_group, version FROM things";

        public ThingInfo? GetThing(string name) =>
            Query(ThingSelect + " WHERE name=$n", ReadThing, ("$n", name)).FirstOrDefault();

        public List<ThingInfo> ListThings() => Query(ThingSelect + " ORDER BY name", ReadThing);

        public int CountThings() => Query("SELECT COUNT(*) FROM things", r => r.GetInt32(0))[0];

        /// <summary>Inserts or replaces a thing's properties (principals are kept).</summary>
        public void SaveThing(ThingInfo thing, DateTimeOffset now) =>
            Execute(@"INSERT INTO things(name, thing_type, attributes, groups, billing_group, version, created_at)
VALUES($n,$t,$a,$g,$b,$v,$now) ON CONFLICT(name) DO UPDATE SET thing_type=$t, attributes=$a, groups=$g, billing_group=$b, version=$v",
                ("$n", thing.Name), ("$t", thing.ThingTypeName), ("$a", JsonSerializer.Serialize(thing.Attributes)),
                ("$g", JsonSerializer.Serialize(thing.ThingGroups)), ("$b", thing.BillingGroup), ("$v", thing.Version),
                ("$now", now.ToUnixTimeMilliseconds()));

        public void AttachThingPrincipal(string thingName, string certificateId) =>
            Execute("INSERT OR IGNORE INTO thing_principals(thing_name, certificate_id) VALUES($n,$c)", ("$n", thingName), ("$c", certificateId));

        /// <summary>The things a certificate is attached to.</summary>
        public List<string> ThingsOf(string certificateId) =>
            Query("SELECT thing_name FROM thing_principals WHERE certificate_id=$c ORDER BY thing_name", r => r.GetString(0), ("$c", certificateId));

        private ThingInfo ReadThing(SqliteDataReader r)
        {
            string name = r.GetString(0);
            return new ThingInfo(
                name, NullableString(r, 1),
                JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(2))!,
                JsonSerializer.Deserialize<List<string>>(r.GetString(3))!,
                NullableString(r, 4),
                Query("SELECT certificate_id FROM thing_principals WHERE thing_name=$n ORDER BY certificate_id", x => x.GetString(0), ("$n", name)),
                r.GetInt64(5));
        }
    }
}
