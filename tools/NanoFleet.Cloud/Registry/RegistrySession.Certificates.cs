using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace NanoFleet.Cloud.Registry
{
    /// <summary>A certificate row: the public info plus the ownership token's hash and expiry
    /// (the token itself is never stored).</summary>
    internal sealed record CertificateRecord(CertificateInfo Info, string? TokenHash, DateTimeOffset? TokenExpiresAt);

    internal sealed partial class RegistrySession
    {
        private const string CertificateColumns = "id, pem, status, kind, created_at, issued_via, token_hash, token_expires_at";

        public void InsertCertificate(CertificateRecord record)
        {
            var i = record.Info;
            Execute($"INSERT INTO certificates({CertificateColumns}) VALUES($id,$pem,$status,$kind,$created,$via,$hash,$expires)",
                ("$id", i.Id), ("$pem", i.CertificatePem), ("$status", i.Status.ToAwsName()), ("$kind", i.Kind.ToString()),
                ("$created", i.CreatedAt.ToUnixTimeMilliseconds()), ("$via", i.ClaimCertificateId),
                ("$hash", record.TokenHash), ("$expires", record.TokenExpiresAt?.ToUnixTimeMilliseconds()));
        }

        public CertificateRecord? GetCertificate(string id) =>
            Query($"SELECT {CertificateColumns} FROM certificates WHERE id=$id", ReadCertificate, ("$id", id)).FirstOrDefault();

        public CertificateRecord? FindCertificateByTokenHash(string tokenHash) =>
            Query($"SELECT {CertificateColumns} FROM certificates WHERE token_hash=$h", ReadCertificate, ("$h", tokenHash)).FirstOrDefault();

        public List<CertificateRecord> ListCertificates() =>
            Query($"SELECT {CertificateColumns} FROM certificates ORDER BY created_at, rowid", ReadCertificate); // rowid: insertion order breaks ties within a millisecond

        /// <summary>The prefix a used token's hash gets: it no longer finds its certificate, but a replay can still be
        /// told apart from an unknown token (and the schema stays as it was).</summary>
        public const string SpentTokenPrefix = "spent:";

        /// <summary>Marks the token used; false when it already was (or is not this certificate's).</summary>
        public bool SpendOwnershipToken(string id, string tokenHash) =>
            Execute("UPDATE certificates SET token_hash=$spent WHERE id=$id AND token_hash=$h",
                ("$id", id), ("$h", tokenHash), ("$spent", SpentTokenPrefix + tokenHash)) == 1;

        public bool SetCertificateStatus(string id, CertificateStatus status) =>
            Execute("UPDATE certificates SET status=$s WHERE id=$id", ("$s", status.ToAwsName()), ("$id", id)) == 1;

        /// <summary>Deletes certificates whose token expired while they were never activated nor
        /// attached to a thing or policy (AWS's rule); returns their ids.</summary>
        public List<string> DeleteAbandonedCertificates(DateTimeOffset now)
        {
            const string Where = @"status='PENDING_ACTIVATION' AND token_expires_at IS NOT NULL AND token_expires_at <= $now
  AND id NOT IN (SELECT certificate_id FROM thing_principals) AND id NOT IN (SELECT certificate_id FROM policy_principals)";
            var ids = Query("SELECT id FROM certificates WHERE " + Where, r => r.GetString(0), ("$now", now.ToUnixTimeMilliseconds()));
            if (ids.Count > 0)
            {
                Execute("DELETE FROM certificates WHERE " + Where, ("$now", now.ToUnixTimeMilliseconds()));
            }

            return ids;
        }

        private static CertificateRecord ReadCertificate(SqliteDataReader r) => new(
            new CertificateInfo(r.GetString(0), CertificateStatusNames.Parse(r.GetString(2)), Enum.Parse<CertificateKind>(r.GetString(3)),
                r.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)), NullableString(r, 5)),
            NullableString(r, 6),
            r.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7)));
    }
}
