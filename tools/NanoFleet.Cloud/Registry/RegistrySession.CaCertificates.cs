using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace NanoFleet.Cloud.Registry
{
    internal sealed partial class RegistrySession
    {
        private const string CaColumns = "id, pem, status, auto_registration, template_body, template_name, role_arn, created_at, updated_at";

        public void InsertCaCertificate(CaCertificateInfo ca)
        {
            Execute($"INSERT INTO ca_certificates({CaColumns}) VALUES($id,$pem,$status,$auto,$body,$name,$role,$created,$updated)",
                ("$id", ca.Id), ("$pem", ca.CertificatePem), ("$status", ca.Status.ToAwsName()), ("$auto", ca.AutoRegistration ? 1 : 0),
                ("$body", ca.Registration?.TemplateBody), ("$name", ca.Registration?.TemplateName), ("$role", ca.Registration?.RoleArn),
                ("$created", ca.CreatedAt.ToUnixTimeMilliseconds()), ("$updated", ca.LastModifiedAt.ToUnixTimeMilliseconds()));
        }

        /// <summary>Replaces the status, auto-registration flag and configuration of a registered CA.</summary>
        public bool UpdateCaCertificate(CaCertificateInfo ca) =>
            Execute("UPDATE ca_certificates SET status=$status, auto_registration=$auto, template_body=$body, template_name=$name, role_arn=$role, updated_at=$updated WHERE id=$id",
                ("$id", ca.Id), ("$status", ca.Status.ToAwsName()), ("$auto", ca.AutoRegistration ? 1 : 0), ("$body", ca.Registration?.TemplateBody),
                ("$name", ca.Registration?.TemplateName), ("$role", ca.Registration?.RoleArn), ("$updated", ca.LastModifiedAt.ToUnixTimeMilliseconds())) == 1;

        public CaCertificateInfo? GetCaCertificate(string id) =>
            Query($"SELECT {CaColumns} FROM ca_certificates WHERE id=$id", ReadCa, ("$id", id)).FirstOrDefault();

        public List<CaCertificateInfo> ListCaCertificates() => Query($"SELECT {CaColumns} FROM ca_certificates ORDER BY created_at", ReadCa);

        /// <summary>The account's registration code, or null before the first GetRegistrationCode.</summary>
        public string? GetRegistrationCode() =>
            Query("SELECT value FROM account_settings WHERE key='registration_code'", r => r.GetString(0)).FirstOrDefault();

        public void SetRegistrationCode(string code) =>
            Execute("INSERT INTO account_settings(key, value) VALUES('registration_code', $v) ON CONFLICT(key) DO UPDATE SET value=$v", ("$v", code));

        private static CaCertificateInfo ReadCa(SqliteDataReader r)
        {
            string? body = NullableString(r, 4), name = NullableString(r, 5), role = NullableString(r, 6);
            return new CaCertificateInfo(r.GetString(0), CaCertificateNames.ParseStatus(r.GetString(2)), r.GetInt32(3) != 0, r.GetString(1),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)),
                body is null && name is null && role is null ? null : new RegistrationConfig(body, name, role));
        }
    }
}
