using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using NanoFleet.Cloud.Internal.Policies;
using NanoFleet.Cloud.Registry;
using NanoFleet.Cloud.Templates;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>
    /// Writes an evaluated plan inside the caller's transaction: the thing (with OverrideSettings when it
    /// exists), the certificate's status, the policies and the principal attachments. Any exception
    /// rolls the whole registration back, so a failed RegisterThing leaves nothing behind.
    /// </summary>
    internal static class RegistrationWriter
    {
        public static int Apply(RegistrySession s, ProvisioningPlan plan, string certificateId, string? tokenHash, DateTimeOffset now)
        {
            var certificate = s.GetCertificate(certificateId)
                ?? throw ProvisioningException.InvalidToken($"Certificate {certificateId} no longer exists (its token expired).");

            // A token registers its certificate once (AWS does not say; the safe reading). Spending it inside this
            // transaction means two concurrent RegisterThing calls with one token cannot both pass. JITP has no token.
            if (tokenHash is not null && !s.SpendOwnershipToken(certificateId, tokenHash))
            {
                throw ProvisioningException.InvalidToken("Certificate ownership token has already been used to register its certificate.");
            }
            if (plan.Thing is { } thing)
            {
                s.SaveThing(MergeThing(s.GetThing(thing.Name), thing), now);
                s.AttachThingPrincipal(thing.Name, certificateId);
            }

            var current = certificate.Info.Status;
            if (current == CertificateStatus.PendingActivation || plan.StatusOverride == OverrideSetting.Replace)
            {
                s.SetCertificateStatus(certificateId, plan.CertificateStatus);
            }
            else if (plan.StatusOverride == OverrideSetting.Fail && current != plan.CertificateStatus)
            {
                throw Conflict($"certificate {certificateId} is already {current.ToAwsName()} and OverrideSettings.Status is FAIL");
            }

            foreach (var policy in plan.Policies)
            {
                string name;
                if (policy.PolicyName is { } existing)
                {
                    if (s.GetPolicyDocument(existing) is null)
                    {
                        throw ProvisioningException.RegistrationFailure($"The policy '{existing}' does not exist.");
                    }

                    name = existing;
                }
                else
                {
                    string document = policy.PolicyDocument!;
                    try
                    {
                        PolicyDocument.Parse(document);
                    }
                    catch (InvalidPolicyException ex)
                    {
                        throw ProvisioningException.InvalidRequest("The PolicyDocument cannot be stored: " + ex.Message);
                    }

                    name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document))); // AWS names it by a hash
                    s.PutPolicy(name, document);
                }

                s.AttachPolicy(name, certificateId);
            }

            return 0;
        }

        private static ThingInfo MergeThing(ThingInfo? existing, ThingPlan plan)
        {
            if (existing is null)
            {
                return new ThingInfo(plan.Name, plan.ThingTypeName, plan.Attributes, plan.ThingGroups, plan.BillingGroup, Array.Empty<string>(), 1);
            }

            var attributes = Override("AttributePayload", plan, existing.Attributes, plan.Attributes,
                (a, b) => a.Count == b.Count && !a.Except(b).Any(),
                (a, b) =>
                {
                    var merged = new Dictionary<string, string>(a, StringComparer.Ordinal);
                    foreach (var (k, v) in b)
                    {
                        merged[k] = v;
                    }

                    return merged;
                });
            var groups = Override("ThingGroups", plan, existing.ThingGroups, plan.ThingGroups,
                (a, b) => a.SequenceEqual(b), (a, b) => a.Union(b).ToList());
            var type = Override("ThingTypeName", plan, existing.ThingTypeName, plan.ThingTypeName, (a, b) => a == b, (_, b) => b);
            return new ThingInfo(plan.Name, type, attributes, groups, plan.BillingGroup ?? existing.BillingGroup, existing.CertificateIds, existing.Version + 1);
        }

        private static T Override<T>(string property, ThingPlan plan, T current, T proposed, Func<T, T, bool> same, Func<T, T, T> merge)
        {
            switch (plan.Overrides.GetValueOrDefault(property, OverrideSetting.DoNothing))
            {
                case OverrideSetting.Replace: return proposed;
                case OverrideSetting.Merge: return merge(current, proposed);
                case OverrideSetting.Fail when !same(current, proposed):
                    throw Conflict($"thing '{plan.Name}' exists with a different {property} and OverrideSettings.{property} is FAIL");
                default: return current;
            }
        }

        private static ProvisioningException Conflict(string what) => new(409, "ResourceConflictsException", $"Resource conflict: {what}.");
    }
}
