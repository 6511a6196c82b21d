using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace NanoFleet.Cloud.ControlPlane.Iam
{
    /// <summary>
    /// An IAM policy in AWS's grammar: Version, Statement (one object or a list), each with Sid, Effect,
    /// Action or NotAction, Resource or NotResource, Principal (resource policies only) and Condition; an
    /// element is a string or a list of strings. Parsing is the store-time check: what the evaluator cannot
    /// evaluate exactly (an unknown element or condition operator) is refused with its name, so no
    /// statement is ever applied as if part of it were not there.
    /// </summary>
    public sealed class PolicyDocument
    {
        /// <summary>The condition operators evaluated.</summary>
        public static readonly IReadOnlyList<string> ConditionOperators = new[]
        {
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
            "ArnEquals", "ArnNotEquals", "ArnLike", "ArnNotLike",
        };

        private static readonly string[] Versions = { "2012-10-17", "2008-10-17" };
        private static readonly string[] StatementElements = { "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "Condition" };

        private PolicyDocument(IReadOnlyList<PolicyStatement> statements, string json)
        {
            Statements = statements;
            Json = json;
        }

        public IReadOnlyList<PolicyStatement> Statements { get; }

        /// <summary>The document as given.</summary>
        public string Json { get; }

        /// <summary>Parses and checks a policy.</summary>
        /// <exception cref="InvalidPolicyDocumentException">Malformed, or an element or operator this evaluator does not know.</exception>
        public static PolicyDocument Parse(string json, PolicyKind kind)
        {
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(json).RootElement;
            }
            catch (JsonException ex)
            {
                throw new InvalidPolicyDocumentException($"the policy is not JSON: {ex.Message}");
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidPolicyDocumentException("the policy must be a JSON object");
            }

            foreach (var member in root.EnumerateObject())
            {
                if (member.Name is not ("Version" or "Id" or "Statement"))
                {
                    throw new InvalidPolicyDocumentException($"the policy has an unknown element '{member.Name}'");
                }
            }

            if (root.TryGetProperty("Version", out var version) && !Versions.Contains(version.ValueKind == JsonValueKind.String ? version.GetString() : null))
            {
                throw new InvalidPolicyDocumentException($"Version must be {string.Join(" or ", Versions)}");
            }

            if (!root.TryGetProperty("Statement", out var statement))
            {
                throw new InvalidPolicyDocumentException("the policy has no Statement");
            }

            var statements = statement.ValueKind == JsonValueKind.Array
                ? statement.EnumerateArray().Select((s, i) => ParseStatement(s, i, kind)).ToList()
                : new List<PolicyStatement> { ParseStatement(statement, 0, kind) };
            return statements.Count == 0 ? throw new InvalidPolicyDocumentException("Statement is empty") : new PolicyDocument(statements, json);
        }

        private static PolicyStatement ParseStatement(JsonElement statement, int index, PolicyKind kind)
        {
            string where = $"Statement[{index}]";
            if (statement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidPolicyDocumentException($"{where} must be an object");
            }

            foreach (var member in statement.EnumerateObject())
            {
                if (!StatementElements.Contains(member.Name))
                {
                    throw new InvalidPolicyDocumentException($"{where} has an unknown or unsupported element '{member.Name}'");
                }
            }

            string? effect = statement.TryGetProperty("Effect", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            if (effect is not ("Allow" or "Deny"))
            {
                throw new InvalidPolicyDocumentException($"{where}.Effect must be Allow or Deny");
            }

            var (actions, notAction) = OneOf(statement, "Action", "NotAction", where);
            var (resources, notResource) = OneOf(statement, "Resource", "NotResource", where);
            bool hasPrincipal = statement.TryGetProperty("Principal", out var principal);
            if (hasPrincipal != (kind == PolicyKind.Resource))
            {
                throw new InvalidPolicyDocumentException(kind == PolicyKind.Resource
                    ? $"{where} must name a Principal (a resource policy says whom it allows)"
                    : $"{where} must not name a Principal (an identity policy applies to its identity)");
            }

            return new PolicyStatement(effect == "Deny", actions, notAction, resources, notResource,
                hasPrincipal ? Principals(principal, where) : Array.Empty<string>(), Conditions(statement, where));
        }

        private static (IReadOnlyList<string> Values, bool Not) OneOf(JsonElement statement, string name, string notName, string where)
        {
            bool has = statement.TryGetProperty(name, out var value);
            bool hasNot = statement.TryGetProperty(notName, out var notValue);
            if (has == hasNot)
            {
                throw new InvalidPolicyDocumentException($"{where} must have exactly one of {name} and {notName}");
            }

            return (Strings(has ? value : notValue, $"{where}.{(has ? name : notName)}"), hasNot);
        }

        private static IReadOnlyList<string> Principals(JsonElement principal, string where)
        {
            if (principal.ValueKind == JsonValueKind.String)
            {
                return principal.GetString() == "*" ? new[] { "*" } : throw new InvalidPolicyDocumentException($"{where}.Principal must be \"*\" or an object");
            }

            if (principal.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidPolicyDocumentException($"{where}.Principal must be \"*\" or an object");
            }

            var list = new List<string>();
            foreach (var member in principal.EnumerateObject())
            {
                if (member.Name is not ("Service" or "AWS"))
                {
                    throw new InvalidPolicyDocumentException($"{where}.Principal has an unsupported type '{member.Name}' (Service or AWS)");
                }

                list.AddRange(Strings(member.Value, $"{where}.Principal.{member.Name}").Select(v => member.Name + ":" + v));
            }

            return list;
        }

        private static IReadOnlyList<PolicyCondition> Conditions(JsonElement statement, string where)
        {
            if (!statement.TryGetProperty("Condition", out var condition))
            {
                return Array.Empty<PolicyCondition>();
            }

            if (condition.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidPolicyDocumentException($"{where}.Condition must be an object");
            }

            var list = new List<PolicyCondition>();
            foreach (var op in condition.EnumerateObject())
            {
                if (!ConditionOperators.Contains(op.Name))
                {
                    throw new InvalidPolicyDocumentException($"{where}.Condition operator '{op.Name}' is not evaluated (known: {string.Join(", ", ConditionOperators)})");
                }

                if (op.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidPolicyDocumentException($"{where}.Condition.{op.Name} must be an object of keys");
                }

                foreach (var key in op.Value.EnumerateObject())
                {
                    list.Add(new PolicyCondition(op.Name, key.Name, Strings(key.Value, $"{where}.Condition.{op.Name}.{key.Name}")));
                }
            }

            return list;
        }

        private static IReadOnlyList<string> Strings(JsonElement value, string where)
        {
            var list = value.ValueKind switch
            {
                JsonValueKind.String => new List<string> { value.GetString()! },
                JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
                    value.EnumerateArray().Select(v => v.GetString()!).ToList(),
                _ => throw new InvalidPolicyDocumentException($"{where} must be a string or a list of strings"),
            };
            return list.Count == 0 ? throw new InvalidPolicyDocumentException($"{where} is empty") : list;
        }
    }
}
