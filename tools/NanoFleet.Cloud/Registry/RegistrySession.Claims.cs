using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace NanoFleet.Cloud.Registry
{
    internal sealed partial class RegistrySession
    {
        private const string ClaimSelect =
            "SELECT c.certificate_id, c.template_name, x.status, c.created_at, e.expires_at FROM claims c JOIN certificates x ON x.id=c.certificate_id " +
            "LEFT JOIN claim_expirations e ON e.certificate_id=c.certificate_id";

        public void InsertClaim(string certificateId, string templateName, DateTimeOffset now) =>
            Execute("INSERT INTO claims(certificate_id, template_name, created_at) VALUES($id,$t,$now)",
                ("$id", certificateId), ("$t", templateName), ("$now", now.ToUnixTimeMilliseconds()));

        /// <summary>Marks a claim temporary: it expires at <paramref name="expiresAt"/> (its certificate's NotAfter).</summary>
        public void InsertClaimExpiration(string certificateId, DateTimeOffset expiresAt) =>
            Execute("INSERT INTO claim_expirations(certificate_id, expires_at) VALUES($id,$e)", ("$id", certificateId), ("$e", expiresAt.ToUnixTimeMilliseconds()));

        /// <summary>Deletes the claim row and its certificate; false when <paramref name="certificateId"/> is not a claim.</summary>
        public bool DeleteClaim(string certificateId)
        {
            Execute("DELETE FROM claim_expirations WHERE certificate_id=$id", ("$id", certificateId));
            return Execute("DELETE FROM claims WHERE certificate_id=$id", ("$id", certificateId)) == 1 &&
                Execute("DELETE FROM certificates WHERE id=$id", ("$id", certificateId)) == 1;
        }

        public ClaimInfo? GetClaim(string certificateId) =>
            Query(ClaimSelect + " WHERE c.certificate_id=$id", ReadClaim, ("$id", certificateId)).FirstOrDefault();

        public List<ClaimInfo> ListClaims() => Query(ClaimSelect + " ORDER BY c.created_at", ReadClaim);

        private static ClaimInfo ReadClaim(SqliteDataReader r) => new(
            r.GetString(0), r.GetString(1), CertificateStatusNames.Parse(r.GetString(2)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)),
            r.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)));
    }
}
