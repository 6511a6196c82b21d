using System.Collections.Generic;

namespace NanoFleet.Cloud.ControlPlane.Iam
{
    /// <summary>One Condition test, `"Operator": {"Key": value or [values]}`; a key holds when any value matches.</summary>
    /// <param name="Operator">One of <see cref="PolicyDocument.ConditionOperators"/>.</param>
    /// <param name="Key">A context key such as `aws:SourceArn` (matched case-insensitively, as IAM does).</param>
    public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values);
}
