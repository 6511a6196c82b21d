using System.Collections.Generic;

namespace NanoFleet.Cloud.ControlPlane.Iam
{
    /// <summary>One IAM statement with every element as a list. A Not… element is stored with its flag set.</summary>
    /// <param name="Principals">`Service:iot.amazonaws.com`, `AWS:arn…` or `*`; empty for identity policies.</param>
    public sealed record PolicyStatement(
        bool Deny,
        IReadOnlyList<string> Actions,
        bool NotAction,
        IReadOnlyList<string> Resources,
        bool NotResource,
        IReadOnlyList<string> Principals,
        IReadOnlyList<PolicyCondition> Conditions);
}
