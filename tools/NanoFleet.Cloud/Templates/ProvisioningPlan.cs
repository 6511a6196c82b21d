using System.Collections.Generic;

namespace NanoFleet.Cloud.Templates
{
    /// <summary>The thing a template asks for, with every function evaluated.</summary>
    internal sealed record ThingPlan(
        string Name, Dictionary<string, string> Attributes, string? ThingTypeName, List<string> ThingGroups, string? BillingGroup,
        IReadOnlyDictionary<string, OverrideSetting> Overrides);

    /// <summary>The policy a template attaches: an existing one by name, or a document (named by its hash).</summary>
    internal sealed record PolicyPlan(string? PolicyName, string? PolicyDocument);

    /// <summary>What RegisterThing will write, evaluated from a template and the merged parameters.</summary>
    internal sealed record ProvisioningPlan(
        ThingPlan? Thing, CertificateStatus CertificateStatus, OverrideSetting StatusOverride, IReadOnlyList<PolicyPlan> Policies,
        IReadOnlyDictionary<string, string> DeviceConfiguration);
}
