using System.Collections.Generic;

namespace NanoFleet.Cloud
{
    /// <summary>A registered thing.</summary>
    /// <param name="Name">The thing name (at most 128 characters).</param>
    /// <param name="ThingTypeName">Its type, if the template gave one.</param>
    /// <param name="Attributes">The attribute payload.</param>
    /// <param name="ThingGroups">Groups it belongs to.</param>
    /// <param name="BillingGroup">Its billing group, if any.</param>
    /// <param name="CertificateIds">Certificates attached to it as principals.</param>
    /// <param name="Version">Starts at 1; every update by a later RegisterThing adds one.</param>
    public sealed record ThingInfo(
        string Name, string? ThingTypeName, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> ThingGroups,
        string? BillingGroup, IReadOnlyList<string> CertificateIds, long Version);
}
