using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>The policy variables AWS substitutes in resources.</summary>
    internal readonly record struct PolicyVariables(string ClientId, string? ThingName);

    /// <summary>
    /// A small AWS IoT policy evaluator: Allow/Deny statements, Action and Resource as a string or list,
    /// `*` and `?` globs, `${iot:ClientId}` and `${iot:Connection.Thing.ThingName}`. An explicit Deny wins;
    /// no matching Allow means denied. Resources are whole ARNs, so a statement for another region or
    /// account does not match (`arn:aws:iot:*:*:topic/…` matches any).
    /// </summary>
    internal static class PolicyEvaluator
    {
        public static bool IsAllowed(IReadOnlyList<string> documents, string action, string resource, PolicyVariables variables)
        {
            bool allowed = false;
            foreach (string document in documents)
            {
                using var doc = JsonDocument.Parse(document);
                if (!doc.RootElement.TryGetProperty("Statement", out var statements))
                {
                    continue;
                }

                foreach (var statement in statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray() : Single(statements))
                {
                    if (!Matches(statement, "Action", action, null) || !Matches(statement, "Resource", resource, variables))
                    {
                        continue;
                    }

                    if (statement.TryGetProperty("Effect", out var effect) && effect.GetString() == "Deny")
                    {
                        return false;
                    }

                    allowed = true;
                }
            }

            return allowed;
        }

        private static IEnumerable<JsonElement> Single(JsonElement e)
        {
            yield return e;
        }

        private static bool Matches(JsonElement statement, string property, string value, PolicyVariables? variables)
        {
            if (!statement.TryGetProperty(property, out var node))
            {
                return false;
            }

            foreach (var item in node.ValueKind == JsonValueKind.Array ? node.EnumerateArray() : Single(node))
            {
                string pattern = item.GetString() ?? string.Empty;
                if (variables is { } v)
                {
                    pattern = pattern
                        .Replace("${iot:ClientId}", v.ClientId, StringComparison.Ordinal)
                        .Replace("${iot:Connection.Thing.ThingName}", v.ThingName ?? "\u0000", StringComparison.Ordinal);
                }

                if (Glob(pattern, value))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Glob(string pattern, string value) =>
            pattern == "*" || Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.CultureInvariant);
    }
}
