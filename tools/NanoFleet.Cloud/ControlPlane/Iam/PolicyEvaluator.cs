using System;
using System.Collections.Generic;
using System.Linq;

namespace NanoFleet.Cloud.ControlPlane.Iam
{
    /// <summary>
    /// IAM's evaluation over a set of policies: an explicit Deny wins, then an Allow, else an implicit deny.
    /// Actions match case-insensitively, resources and ARN conditions case-sensitively, with `*` and `?`.
    /// A condition key absent from the request fails a positive operator and passes a negated one (IAM's rule).
    /// </summary>
    /// <example><code>
    /// var policy = PolicyDocument.Parse(json, PolicyKind.Resource);
    /// var request = new PolicyRequest("lambda:InvokeFunction", functionArn, "Service:iot.amazonaws.com",
    ///     new Dictionary&lt;string, string&gt; { ["aws:SourceArn"] = templateArn, ["aws:SourceAccount"] = account });
    /// bool allowed = PolicyEvaluator.Evaluate(new[] { policy }, request) == PolicyDecision.Allow;
    /// </code></example>
    public static class PolicyEvaluator
    {
        public static PolicyDecision Evaluate(IEnumerable<PolicyDocument> policies, PolicyRequest request)
        {
            var decision = PolicyDecision.ImplicitDeny;
            foreach (var statement in policies.SelectMany(p => p.Statements))
            {
                if (!Applies(statement, request))
                {
                    continue;
                }

                if (statement.Deny)
                {
                    return PolicyDecision.ExplicitDeny;
                }

                decision = PolicyDecision.Allow;
            }

            return decision;
        }

        private static bool Applies(PolicyStatement statement, PolicyRequest request) =>
            statement.Actions.Any(a => IamGlob.Matches(a, request.Action, ignoreCase: true)) != statement.NotAction
            && statement.Resources.Any(r => IamGlob.Matches(r, request.Resource, ignoreCase: false)) != statement.NotResource
            && (statement.Principals.Count == 0 || (request.Principal is { } principal && statement.Principals.Any(p => p == "*" || p == principal)))
            && statement.Conditions.All(c => Holds(c, request.ContextKeys));

        private static bool Holds(PolicyCondition condition, IReadOnlyDictionary<string, string> context)
        {
            bool negated = condition.Operator.Contains("Not", StringComparison.Ordinal);
            string? actual = context.FirstOrDefault(kv => string.Equals(kv.Key, condition.Key, StringComparison.OrdinalIgnoreCase)).Value;
            if (actual is null)
            {
                return negated;
            }

            bool any = condition.Values.Any(expected => Matches(condition.Operator.Replace("Not", string.Empty, StringComparison.Ordinal), expected, actual));
            return any != negated;
        }

        private static bool Matches(string positiveOperator, string expected, string actual) => positiveOperator switch
        {
            "StringEquals" => string.Equals(expected, actual, StringComparison.Ordinal),
            "StringEqualsIgnoreCase" => string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase),
            "StringLike" => IamGlob.Matches(expected, actual, ignoreCase: false),
            "ArnEquals" or "ArnLike" => IamGlob.ArnMatches(expected, actual),
            _ => throw new InvalidOperationException($"operator {positiveOperator} passed the parser but is not evaluated"),
        };
    }
}
