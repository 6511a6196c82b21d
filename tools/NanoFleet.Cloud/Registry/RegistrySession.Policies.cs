using System.Collections.Generic;
using System.Linq;

namespace NanoFleet.Cloud.Registry
{
    internal sealed partial class RegistrySession
    {
        public string? GetPolicyDocument(string name) =>
            Query("SELECT document FROM policies WHERE name=$n", r => r.GetString(0), ("$n", name)).FirstOrDefault();

        public void PutPolicy(string name, string document) =>
            Execute("INSERT INTO policies(name, document) VALUES($n,$d) ON CONFLICT(name) DO UPDATE SET document=$d", ("$n", name), ("$d", document));

        /// <summary>Stores a new policy; false when one already has that name (nothing changes).</summary>
        public bool InsertPolicy(string name, string document) =>
            Execute("INSERT OR IGNORE INTO policies(name, document) VALUES($n,$d)", ("$n", name), ("$d", document)) == 1;

        /// <summary>Removes an attachment; false when there was none.</summary>
        public bool DetachPolicy(string policyName, string certificateId) =>
            Execute("DELETE FROM policy_principals WHERE policy_name=$n AND certificate_id=$c", ("$n", policyName), ("$c", certificateId)) == 1;

        /// <summary>The names of the policies attached to a certificate.</summary>
        public List<string> PolicyNamesOf(string certificateId) =>
            Query("SELECT policy_name FROM policy_principals WHERE certificate_id=$c ORDER BY policy_name", r => r.GetString(0), ("$c", certificateId));

        public void AttachPolicy(string policyName, string certificateId) =>
            Execute("INSERT OR IGNORE INTO policy_principals(policy_name, certificate_id) VALUES($n,$c)", ("$n", policyName), ("$c", certificateId));

        /// <summary>The documents of every policy attached to a certificate.</summary>
        public List<string> PolicyDocumentsOf(string certificateId) =>
            Query("SELECT p.document FROM policy_principals a JOIN policies p ON p.name=a.policy_name WHERE a.certificate_id=$c",
                r => r.GetString(0), ("$c", certificateId));
    }
}
