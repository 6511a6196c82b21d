using System;
using System.Collections.Generic;

namespace NanoFleet.Cloud.Internal.Policies
{
    /// <summary>
    /// Evaluates AWS IoT policies: Allow/Deny statements, Action and Resource globs (`*`, `?`), literal policy
    /// variables (<see cref="PolicyPattern"/>) and the Conditions <see cref="PolicyDocument"/> admits. An explicit
    /// Deny wins; no matching Allow means denied. Resources are whole ARNs, so a statement for another region or
    /// account does not match (`arn:aws:iot:*:*:topic/…` matches any).
    /// Fail closed: where a variable or condition key has no value for this connection the outcome is undecided,
    /// and an undecided Allow does not apply while an undecided Deny does.
    /// </summary>
    internal static class PolicyEvaluator
    {
        public static bool IsAllowed(IReadOnlyList<PolicyDocument> documents, string action, string resource, PolicyVariables variables)
        {
            bool allowed = false;
            foreach (var document in documents)
            {
                foreach (var statement in document.Statements)
                {
                    bool? applies = Applies(statement, action, resource, variables);
                    if (statement.Deny && applies != false)
                    {
                        return false;
                    }

                    allowed |= !statement.Deny && applies == true;
                }
            }

            return allowed;
        }

        private static bool? Applies(PolicyStatement statement, string action, string resource, PolicyVariables variables)
        {
            if (AnyMatches(statement.Actions, action, variables) != true)
            {
                return false; // actions carry no variables: always decided
            }

            bool? result = AnyMatches(statement.Resources, resource, variables);
            foreach (var condition in statement.Conditions)
            {
                result = And(result, Holds(condition, variables));
            }

            return result;
        }

        /// <summary>IAM's rule: every key of every operator must hold; a key holds when any of its values matches
        /// (for the negated operators, when none does).</summary>
        private static bool? Holds(PolicyCondition condition, PolicyVariables variables)
        {
            if (variables.Resolve(condition.Key) is not { } actual)
            {
                return null;
            }

            bool like = condition.Operator is "StringLike" or "StringNotLike";
            bool negated = condition.Operator is "StringNotEquals" or "StringNotLike";
            bool? any = false;
            foreach (string expected in condition.Values)
            {
                any = Or(any, PolicyPattern.Matches(expected, actual, variables, like));
            }

            return negated ? !any : any;
        }

        private static bool? AnyMatches(IReadOnlyList<string> patterns, string value, PolicyVariables variables)
        {
            bool? any = false;
            foreach (string pattern in patterns)
            {
                any = Or(any, PolicyPattern.Matches(pattern, value, variables, glob: true));
            }

            return any;
        }

        private static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a is null || b is null ? null : false;

        private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a is null || b is null ? null : true;
    }
}
