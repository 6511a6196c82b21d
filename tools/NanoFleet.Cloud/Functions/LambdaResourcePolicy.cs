using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NanoFleet.Cloud.ControlPlane.Iam;

namespace NanoFleet.Cloud.Functions
{
    /// <summary>
    /// A Lambda function's resource policy, in the document `aws lambda get-policy` returns, written and evaluated
    /// for exactly what `add-permission` puts there: Effect, Principal (a service, or `*`), Action, Resource and
    /// the conditions ArnLike / ArnEquals / StringEquals / StringLike on `aws:SourceArn` and `aws:SourceAccount`
    /// (keys case-insensitive, as IAM's). A Deny that applies wins; no applying Allow is a denial. A statement with
    /// an operator or key outside that set never applies (fail closed), and the reason says so.
    /// </summary>
    internal static partial class LambdaResourcePolicy
    {
        public const string SourceArnKey = "AWS:SourceArn";
        public const string SourceAccountKey = "AWS:SourceAccount";
        private static readonly string[] Operators = { "ArnLike", "ArnEquals", "StringEquals", "StringLike" };

        [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$", RegexOptions.CultureInvariant)]
        private static partial Regex StatementIdPattern();

        [GeneratedRegex("^(lambda:[*]|lambda:[A-Za-z]+|[*])$", RegexOptions.CultureInvariant)]
        private static partial Regex ActionPattern();

        /// <summary>The policy with <paramref name="permission"/>'s statement appended (a new policy when <paramref name="policy"/> is null).</summary>
        /// <exception cref="ArgumentException">A field is malformed, or the statement id is taken; the message names it.</exception>
        public static string AddStatement(string? policy, FunctionPermission permission, string functionArn)
        {
            Check(permission);
            var document = policy is null
                ? new JsonObject { ["Version"] = "2012-10-17", ["Id"] = "default", ["Statement"] = new JsonArray() }
                : JsonNode.Parse(policy)!.AsObject();
            var statements = document["Statement"]!.AsArray();
            if (statements.Any(s => s?["Sid"]?.GetValue<string>() == permission.StatementId))
            {
                throw new ArgumentException($"The statement id ({permission.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.");
            }

            var statement = new JsonObject
            {
                ["Sid"] = permission.StatementId,
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = permission.Principal },
                ["Action"] = permission.Action,
                ["Resource"] = functionArn,
            };
            var condition = new JsonObject();
            if (permission.SourceAccount is { } account)
            {
                condition["StringEquals"] = new JsonObject { [SourceAccountKey] = account };
            }

            if (permission.SourceArn is { } arn)
            {
                condition["ArnLike"] = new JsonObject { [SourceArnKey] = arn };
            }

            if (condition.Count > 0)
            {
                statement["Condition"] = condition;
            }

            statements.Add(statement);
            return document.ToJsonString();
        }

        /// <summary>How many statements <paramref name="policy"/> holds (0 for none).</summary>
        public static int CountStatements(string? policy) =>
            policy is null ? 0 : JsonNode.Parse(policy)!["Statement"]!.AsArray().Count;

        /// <summary>Whether <paramref name="principalService"/> may do <paramref name="action"/> on <paramref name="functionArn"/>
        /// on behalf of <paramref name="sourceArn"/> in <paramref name="sourceAccount"/>.</summary>
        public static LambdaInvokeDecision Evaluate(string? policy, string functionArn, string principalService, string action, string sourceArn, string sourceAccount)
        {
            if (policy is null)
            {
                return new LambdaInvokeDecision(false, "its resource policy is empty: no permission lets " + principalService + " invoke it", false);
            }

            var context = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [SourceArnKey] = sourceArn,
                [SourceAccountKey] = sourceAccount,
            };
            var misses = new List<string>();
            LambdaInvokeDecision? allowed = null;
            using var document = JsonDocument.Parse(policy);
            foreach (var statement in document.RootElement.GetProperty("Statement").EnumerateArray())
            {
                string sid = statement.TryGetProperty("Sid", out var s) ? s.GetString() ?? "?" : "?";
                bool deny = statement.TryGetProperty("Effect", out var e) && e.GetString() == "Deny";
                if (!PrincipalMatches(statement, principalService) || !AnyMatches(statement, "Action", v => ActionMatches(v, action)) ||
                    !AnyMatches(statement, "Resource", v => IamGlob.ArnMatches(v, functionArn)))
                {
                    continue;
                }

                if (ConditionFailure(statement, context, out bool conditioned) is { } failure)
                {
                    misses.Add($"statement '{sid}' {failure}");
                    continue;
                }

                if (deny)
                {
                    return new LambdaInvokeDecision(false, $"statement '{sid}' denies {principalService} {action}", false);
                }

                if (allowed is null || !conditioned)
                {
                    allowed = new LambdaInvokeDecision(true, $"statement '{sid}' allows {principalService} {action}", !conditioned);
                }
            }

            return allowed ?? new LambdaInvokeDecision(false, misses.Count > 0
                ? string.Join("; ", misses)
                : $"no statement of its resource policy allows {principalService} {action}", false);
        }

        private static void Check(FunctionPermission permission)
        {
            if (!StatementIdPattern().IsMatch(permission.StatementId ?? ""))
            {
                throw new ArgumentException($"statement id '{permission.StatementId}' must be 1-100 characters of A-Z a-z 0-9 _ -");
            }

            if (string.IsNullOrWhiteSpace(permission.Principal))
            {
                throw new ArgumentException("the principal must be set, e.g. iot.amazonaws.com");
            }

            if (!ActionPattern().IsMatch(permission.Action ?? ""))
            {
                throw new ArgumentException($"action '{permission.Action}' is not a Lambda action such as lambda:InvokeFunction");
            }

            if (permission.SourceAccount is { } account && !Regex.IsMatch(account, "^[0-9]{12}$", RegexOptions.CultureInvariant))
            {
                throw new ArgumentException($"source account '{account}' is not a 12-digit AWS account id");
            }

            if (permission.SourceArn is { } arn && arn.Split(':', 6).Length != 6)
            {
                throw new ArgumentException($"source ARN '{arn}' is not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)");
            }
        }

        private static bool PrincipalMatches(JsonElement statement, string service)
        {
            if (!statement.TryGetProperty("Principal", out var principal))
            {
                return false;
            }

            if (principal.ValueKind == JsonValueKind.String)
            {
                return principal.GetString() == "*";
            }

            return principal.ValueKind == JsonValueKind.Object &&
                   ((principal.TryGetProperty("Service", out var services) && Values(services).Contains(service, StringComparer.Ordinal)) ||
                    (principal.TryGetProperty("AWS", out var aws) && Values(aws).Contains("*", StringComparer.Ordinal)));
        }

        private static bool ActionMatches(string pattern, string action) =>
            IamGlob.Matches(pattern, action, ignoreCase: true); // action names are case-insensitive in IAM

        private static bool AnyMatches(JsonElement statement, string property, Func<string, bool> matches) =>
            statement.TryGetProperty(property, out var node) && Values(node).Any(matches);

        /// <summary>Null when every condition holds; else what failed. <paramref name="conditioned"/> says whether the
        /// statement names the source at all.</summary>
        private static string? ConditionFailure(JsonElement statement, Dictionary<string, string> context, out bool conditioned)
        {
            conditioned = false;
            if (!statement.TryGetProperty("Condition", out var condition))
            {
                return null;
            }

            foreach (var op in condition.EnumerateObject())
            {
                if (!Operators.Contains(op.Name, StringComparer.Ordinal))
                {
                    return $"uses condition operator {op.Name}, which the emulator does not evaluate";
                }

                foreach (var key in op.Value.EnumerateObject())
                {
                    if (!context.TryGetValue(key.Name, out string? actual))
                    {
                        return $"has a condition on {key.Name}, which the call does not carry";
                    }

                    conditioned = true;
                    var wanted = Values(key.Value).ToList();
                    bool holds = op.Name switch
                    {
                        "StringEquals" => wanted.Contains(actual, StringComparer.Ordinal),
                        "StringLike" => wanted.Any(w => IamGlob.Matches(w, actual, ignoreCase: false)),
                        _ => wanted.Any(w => IamGlob.ArnMatches(w, actual)),
                    };
                    if (!holds)
                    {
                        return $"allows only {op.Name} {key.Name} {string.Join(" or ", wanted)}, not {actual}";
                    }
                }
            }

            return null;
        }

        private static IEnumerable<string> Values(JsonElement node) => node.ValueKind switch
        {
            JsonValueKind.String => new[] { node.GetString()! },
            JsonValueKind.Array => node.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
            _ => Array.Empty<string>(),
        };
    }
}
