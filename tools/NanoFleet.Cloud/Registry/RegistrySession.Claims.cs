using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace NanoFleet.Cloud.Registry
{
    internal sealed partial class RegistrySession
    {
        private const string ClaimSelect =
            "SELECT c.certificate_id, c.template_name, x.status, c.created_at FROM claims c JOIN certificates x ON x.id=c.certificate_id";

        public void InsertClaim(string certificateId, string templateName, DateTimeOffset now) =>
            Execute("INSERT INTO claims(certificate_id, template_name, created_at) VALUES($id,$t,$now)",
                ("$id", certificateId), ("$t", templateName), ("$now", now.ToUnixTimeMilliseconds()));

        public ClaimInfo? GetClaim(string certificateId) =>
            Query(ClaimSelect + " WHERE c.certificate_id=$id", ReadClaim, ("$id", certificateId)).FirstOrDefault();

        public List<ClaimInfo> ListClaims() => Query(ClaimSelect + " ORDER BY c.created_at", ReadClaim);

        private static ClaimInfo ReadClaim(SqliteDataReader r) => new(
            r.GetString(0), r.GetString(1), CertificateStatusNames.Parse(r.GetString(2)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)));
    }
}
