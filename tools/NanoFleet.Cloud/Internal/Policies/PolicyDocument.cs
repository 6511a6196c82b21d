using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json;

namespace NanoFleet.Cloud.Internal.Policies
{
    /// <summary>One Condition test: `"Operator": {"Key": value or [values]}`.</summary>
    internal sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values);

    /// <summary>One statement, with Action and Resource as lists.</summary>
    internal sealed record PolicyStatement(bool Deny, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, IReadOnlyList<PolicyCondition> Conditions);

    /// <summary>
    /// An AWS IoT policy document, parsed and checked once. Parsing is also the store-time check: whatever this
    /// evaluator cannot evaluate exactly (NotAction, NotResource, an unknown Condition operator or key, an unknown
    /// policy variable) is refused with its name, so no statement is ever applied as if part of it were not there.
    /// </summary>
    internal sealed class PolicyDocument
    {
        /// <summary>The operators evaluated; `…IfExists`, `Null`, ARN, numeric, date and Bool operators are not.</summary>
        public static readonly string[] Operators = { "StringEquals", "StringNotEquals", "StringLike", "StringNotLike" };

        private static readonly string[] StatementKeys = { "Sid", "Effect", "Action", "Resource", "Condition" };
        private static readonly ConcurrentDictionary<string, PolicyDocument> Parsed = new(StringComparer.Ordinal);

        private PolicyDocument(IReadOnlyList<PolicyStatement> statements, bool usesThingAttributes)
        {
            Statements = statements;
            UsesThingAttributes = usesThingAttributes;
        }

        public IReadOnlyList<PolicyStatement> Statements { get; }

        /// <summary>True when a resource or condition refers to the thing's attributes, which then have to be read at connect.</summary>
        public bool UsesThingAttributes { get; }

        /// <summary>Parses (once per distinct text: every connection of a fleet shares its policy).</summary>
        /// <exception cref="InvalidPolicyException">Malformed, or uses something the emulator does not evaluate.</exception>
        public static PolicyDocument Parse(string json)
        {
            if (Parsed.TryGetValue(json, out var known))
            {
                return known;
            }

            var parsed = ParseUncached(json);
            if (Parsed.Count < 4096)
            {
                Parsed.TryAdd(json, parsed);
            }

            return parsed;
        }

        private static PolicyDocument ParseUncached(string json)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(json);
            }
            catch (JsonException ex)
            {
                throw new InvalidPolicyException("the policy document is not JSON: " + ex.Message);
            }

            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Statement", out var statementNode))
                {
                    throw new InvalidPolicyException("the policy document has no Statement");
                }

                var statements = new List<PolicyStatement>();
                foreach (var statement in ListOf(statementNode, "Statement"))
                {
                    statements.Add(ParseStatement(statement, $"Statement[{statements.Count}]"));
                }

                return new PolicyDocument(statements, json.Contains(PolicyVariables.ThingAttributePrefix, StringComparison.Ordinal));
            }
        }

        private static PolicyStatement ParseStatement(JsonElement statement, string at)
        {
            if (statement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidPolicyException($"{at} is not an object");
            }

            foreach (var property in statement.EnumerateObject())
            {
                if (Array.IndexOf(StatementKeys, property.Name) < 0)
                {
                    throw new InvalidPolicyException($"{at} uses '{property.Name}', which the emulator does not evaluate (it knows {string.Join(", ", StatementKeys)})");
                }
            }

            string effect = statement.TryGetProperty("Effect", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "";
            if (effect is not ("Allow" or "Deny"))
            {
                throw new InvalidPolicyException($"{at}.Effect must be Allow or Deny, not '{effect}'");
            }

            var actions = Strings(statement, "Action", at);
            var resources = Strings(statement, "Resource", at);
            var conditions = new List<PolicyCondition>();
            if (statement.TryGetProperty("Condition", out var conditionNode))
            {
                if (conditionNode.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidPolicyException($"{at}.Condition is not an object");
                }

                foreach (var op in conditionNode.EnumerateObject())
                {
                    if (Array.IndexOf(Operators, op.Name) < 0)
                    {
                        throw new InvalidPolicyException(
                            $"{at}.Condition uses the operator '{op.Name}', which the emulator does not evaluate (it knows {string.Join(", ", Operators)})");
                    }

                    if (op.Value.ValueKind != JsonValueKind.Object)
                    {
                        throw new InvalidPolicyException($"{at}.Condition.{op.Name} is not an object of keys");
                    }

                    foreach (var key in op.Value.EnumerateObject())
                    {
                        if (!PolicyVariables.IsKnown(key.Name))
                        {
                            throw new InvalidPolicyException(
                                $"{at}.Condition.{op.Name} uses the key '{key.Name}', which the emulator does not evaluate (it knows {PolicyVariables.ClientId}, {PolicyVariables.ThingName}, {PolicyVariables.ThingAttributePrefix}NAME])");
                        }

                        var values = new List<string>();
                        foreach (var value in ListOf(key.Value, $"{at}.Condition.{op.Name}.{key.Name}"))
                        {
                            values.Add(value.ValueKind == JsonValueKind.String ? value.GetString()!
                                : throw new InvalidPolicyException($"{at}.Condition.{op.Name}.{key.Name} holds a non-string value"));
                        }

                        CheckVariables(values, $"{at}.Condition.{op.Name}.{key.Name}");
                        conditions.Add(new PolicyCondition(op.Name, key.Name, values));
                    }
                }
            }

            CheckVariables(resources, at + ".Resource");
            return new PolicyStatement(effect == "Deny", actions, resources, conditions);
        }

        private static List<string> Strings(JsonElement statement, string name, string at)
        {
            if (!statement.TryGetProperty(name, out var node))
            {
                throw new InvalidPolicyException($"{at} has no {name}");
            }

            var result = new List<string>();
            foreach (var item in ListOf(node, $"{at}.{name}"))
            {
                result.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new InvalidPolicyException($"{at}.{name} holds a non-string value"));
            }

            return result;
        }

        private static void CheckVariables(IEnumerable<string> patterns, string at)
        {
            foreach (string pattern in patterns)
            {
                foreach (string variable in PolicyPattern.VariablesIn(pattern))
                {
                    if (!PolicyVariables.IsKnown(variable))
                    {
                        throw new InvalidPolicyException($"{at} uses the policy variable '${{{variable}}}', which the emulator does not substitute");
                    }
                }
            }
        }

        private static IEnumerable<JsonElement> ListOf(JsonElement node, string at)
        {
            if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                {
                    yield return item;
                }
            }
            else if (node.ValueKind is JsonValueKind.Object or JsonValueKind.String)
            {
                yield return node;
            }
            else
            {
                throw new InvalidPolicyException($"{at} must be a value or a list");
            }
        }
    }
}
