using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.Templates
{
    /// <summary>
    /// Evaluates AWS's template functions over a JSON tree (maps, lists, strings, numbers):
    /// Ref, Fn::Join, Fn::Select, Fn::FindInMap, Fn::Split, Fn::Sub. A function is a map with exactly one
    /// key. Misuse at run time (an index out of range, a missing map key, a parameter with no value)
    /// is a provisioning error, as on AWS.
    /// </summary>
    internal sealed class IntrinsicFunctions
    {
        /// <summary>The pseudo-parameter holding the id of the certificate named by the ownership token.</summary>
        public const string CertificateIdParameter = "AWS::IoT::Certificate::Id";

        /// <summary>Every function name AWS documents for provisioning templates.</summary>
        public static readonly string[] Names = { "Ref", "Fn::Join", "Fn::Select", "Fn::FindInMap", "Fn::Split", "Fn::Sub" };

        private readonly IReadOnlyDictionary<string, string> _parameters;
        private readonly IReadOnlyDictionary<string, object?> _mappings;

        public IntrinsicFunctions(IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, object?> mappings)
        {
            _parameters = parameters;
            _mappings = mappings;
        }

        /// <summary>True when <paramref name="node"/> is a function call; gives its name and argument.</summary>
        public static bool IsCall(object? node, out string name, out object? argument)
        {
            name = string.Empty;
            argument = null;
            if (node is Dictionary<string, object?> map && map.Count == 1)
            {
                foreach (var (key, value) in map)
                {
                    if (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal))
                    {
                        name = key;
                        argument = value;
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Evaluates every call inside <paramref name="node"/>; <paramref name="path"/> names the place for errors.</summary>
        public object? Evaluate(object? node, string path)
        {
            if (IsCall(node, out string name, out object? argument))
            {
                return Call(name, argument, path);
            }

            switch (node)
            {
                case Dictionary<string, object?> map:
                    var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var (key, value) in map)
                    {
                        result[key] = Evaluate(value, path + "." + key);
                    }

                    return result;
                case List<object?> list:
                    var items = new List<object?>(list.Count);
                    for (int i = 0; i < list.Count; i++)
                    {
                        items.Add(Evaluate(list[i], $"{path}[{i}]"));
                    }

                    return items;
                default:
                    return node;
            }
        }

        /// <summary>Evaluates <paramref name="node"/> and requires a string (numbers and booleans are spelled out).</summary>
        public string EvaluateString(object? node, string path) => AsString(Evaluate(node, path), path);

        private object? Call(string name, object? arg, string path)
        {
            string at = $"{name} at {path}";
            switch (name)
            {
                case "Ref":
                    return Parameter(AsString(arg, at), at);
                case "Fn::Join":
                {
                    var args = Arguments(arg, 2, at);
                    string delimiter = EvaluateString(args[0], at);
                    var parts = AsList(Evaluate(args[1], at), at);
                    var strings = new string[parts.Count];
                    for (int i = 0; i < parts.Count; i++)
                    {
                        strings[i] = AsString(parts[i], at);
                    }

                    return string.Join(delimiter, strings);
                }

                case "Fn::Select":
                {
                    var args = Arguments(arg, 2, at);
                    string indexText = EvaluateString(args[0], at);
                    var list = AsList(Evaluate(args[1], at), at);
                    if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= list.Count)
                    {
                        throw ProvisioningException.InvalidRequest(
                            $"{at}: index '{indexText}' is out of range for a list of {list.Count} item(s).");
                    }

                    return list[index];
                }

                case "Fn::FindInMap":
                {
                    var args = Arguments(arg, 3, at);
                    string mapName = EvaluateString(args[0], at), top = EvaluateString(args[1], at), second = EvaluateString(args[2], at);
                    if (_mappings.GetValueOrDefault(mapName) is not Dictionary<string, object?> map)
                    {
                        throw ProvisioningException.InvalidRequest($"{at}: Mappings has no map '{mapName}'.");
                    }

                    if (map.GetValueOrDefault(top) is not Dictionary<string, object?> level || !level.TryGetValue(second, out object? found))
                    {
                        throw ProvisioningException.InvalidRequest($"{at}: map '{mapName}' has no entry '{top}' → '{second}'.");
                    }

                    return found;
                }

                case "Fn::Split":
                {
                    var args = Arguments(arg, 2, at);
                    string delimiter = EvaluateString(args[0], at), source = EvaluateString(args[1], at);
                    if (delimiter.Length == 0)
                    {
                        throw ProvisioningException.InvalidRequest($"{at}: the delimiter is empty.");
                    }

                    var parts = new List<object?>();
                    foreach (string part in source.Split(delimiter))
                    {
                        parts.Add(part);
                    }

                    return parts;
                }

                case "Fn::Sub":
                    return Substitute(arg, at);
                default:
                    throw ProvisioningException.InvalidRequest($"{path}: unsupported function {name}.");
            }
        }

        private string Substitute(object? arg, string at)
        {
            string text;
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            if (arg is List<object?> args)
            {
                if (args.Count != 2 || args[0] is not string s || args[1] is not Dictionary<string, object?> vars)
                {
                    throw ProvisioningException.InvalidRequest($"{at}: expects a string or [string, {{variables}}].");
                }

                text = s;
                foreach (var (key, value) in vars)
                {
                    variables[key] = EvaluateString(value, at + "." + key);
                }
            }
            else
            {
                text = AsString(arg, at);
            }

            var output = new StringBuilder(text.Length);
            int i = 0;
            while (i < text.Length)
            {
                int open = text.IndexOf("${", i, StringComparison.Ordinal);
                if (open < 0)
                {
                    output.Append(text, i, text.Length - i);
                    break;
                }

                output.Append(text, i, open - i);
                int close = text.IndexOf('}', open + 2);
                if (close < 0)
                {
                    throw ProvisioningException.InvalidRequest($"{at}: '${{' at offset {open} is never closed.");
                }

                string variable = text.Substring(open + 2, close - open - 2);
                if (variable.StartsWith('!'))
                {
                    output.Append("${").Append(variable, 1, variable.Length - 1).Append('}'); // ${!Literal} escapes
                }
                else
                {
                    output.Append(variables.TryGetValue(variable, out string? value) ? value : Parameter(variable, at));
                }

                i = close + 1;
            }

            return output.ToString();
        }

        private string Parameter(string name, string at) =>
            _parameters.TryGetValue(name, out string? value)
                ? value
                : throw ProvisioningException.InvalidRequest(
                    $"{at}: parameter '{name}' has no value (not in the request's parameters and no Default).");

        private static List<object?> Arguments(object? arg, int count, string at) =>
            arg is List<object?> list && list.Count == count
                ? list
                : throw ProvisioningException.InvalidRequest($"{at}: expects a list of {count} arguments.");

        private static List<object?> AsList(object? value, string at) =>
            value as List<object?> ?? throw ProvisioningException.InvalidRequest($"{at}: expects a list, got {Describe(value)}.");

        private static string AsString(object? value, string at) => value switch
        {
            string s => s,
            long or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            bool b => b ? "true" : "false",
            _ => throw ProvisioningException.InvalidRequest($"{at}: expects a string, got {Describe(value)}."),
        };

        private static string Describe(object? value) => value switch
        {
            null => "null",
            List<object?> => "a list",
            Dictionary<string, object?> => "an object",
            _ => "a " + value.GetType().Name,
        };
    }
}
