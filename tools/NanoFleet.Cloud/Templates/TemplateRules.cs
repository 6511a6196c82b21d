using System;
using System.Collections.Generic;
using System.Linq;
using NanoFleet.Cloud.Internal.Policies;
using System.Text.RegularExpressions;

namespace NanoFleet.Cloud.Templates
{
    /// <summary>
    /// AWS's template rules, checked when a template is stored so that a broken template fails at
    /// `template put`, not on the first device. Each failure names the rule and the place.
    /// </summary>
    internal static partial class TemplateRules
    {
        public const int MaxBodyLength = 10_240;
        public const string ThingType = "AWS::IoT::Thing";
        public const string CertificateType = "AWS::IoT::Certificate";
        public const string PolicyType = "AWS::IoT::Policy";

        private static readonly string[] Sections = { "Parameters", "Mappings", "Resources", "DeviceConfiguration" };
        private static readonly string[] ParameterTypes = { "String", "Number", "CommaDelimitedList", "List<Number>" };
        private static readonly string[] ThingProperties = { "ThingName", "AttributePayload", "ThingTypeName", "ThingGroups", "BillingGroup" };
        private static readonly string[] CertificateMethods = { "CertificateId", "CertificateSigningRequest", "CertificatePem" };
        private static readonly string[] CertificateProperties = { "CertificateId", "CertificateSigningRequest", "CertificatePem", "CACertificatePem", "Status" };
        private static readonly string[] PolicyProperties = { "PolicyName", "PolicyDocument" };

        [GeneratedRegex(@"^[0-9A-Za-z_-]{1,36}\z")] // \z: `$` would let a final newline through
        private static partial Regex TemplateNamePattern();

        /// <summary>Checks a template name: 1-36 characters of [0-9A-Za-z_-].</summary>
        public static void CheckName(string name)
        {
            if (!TemplateNamePattern().IsMatch(name))
            {
                throw new InvalidTemplateException($"Template name '{name}' is invalid: use 1-36 characters of 0-9 A-Z a-z _ -.");
            }
        }

        /// <summary>Checks every rule on a parsed body.</summary>
        public static void Check(Dictionary<string, object?> root)
        {
            foreach (var key in root.Keys)
            {
                if (Array.IndexOf(Sections, key) < 0)
                {
                    throw new InvalidTemplateException($"Unknown top-level section '{key}': a template has only {string.Join(", ", Sections)}.");
                }
            }

            var parameters = OptionalMap(root, "Parameters", "Parameters");
            foreach (var (name, value) in parameters)
            {
                CheckParameter(name, value);
            }

            var mappings = OptionalMap(root, "Mappings", "Mappings");
            CheckMappings(mappings);
            if (!root.TryGetValue("Resources", out object? resourcesNode) || resourcesNode is not Dictionary<string, object?> resources || resources.Count == 0)
            {
                throw new InvalidTemplateException("Resources is missing or empty: a template declares at least its certificate.");
            }

            int things = 0, certificates = 0;
            foreach (var (logicalName, node) in resources)
            {
                string at = "Resources." + logicalName;
                var resource = node as Dictionary<string, object?> ?? throw new InvalidTemplateException($"{at} must be an object.");
                foreach (var key in resource.Keys)
                {
                    if (key is not ("Type" or "Properties" or "OverrideSettings"))
                    {
                        throw new InvalidTemplateException($"{at}: unknown key '{key}' (a resource has Type, Properties, OverrideSettings).");
                    }
                }

                var properties = OptionalMap(resource, "Properties", at + ".Properties");
                switch (resource.GetValueOrDefault("Type") as string)
                {
                    case ThingType:
                        things++;
                        CheckKnown(properties, ThingProperties, at + ".Properties");
                        if (!properties.ContainsKey("ThingName"))
                        {
                            throw new InvalidTemplateException($"{at}: an AWS::IoT::Thing needs a ThingName.");
                        }

                        break;
                    case CertificateType:
                        certificates++;
                        CheckCertificate(properties, at);
                        break;
                    case PolicyType:
                        CheckKnown(properties, PolicyProperties, at + ".Properties");
                        if (properties.ContainsKey("PolicyName") == properties.ContainsKey("PolicyDocument"))
                        {
                            throw new InvalidTemplateException($"{at}: a Policy gives PolicyName or PolicyDocument, not both and not neither.");
                        }

                        if (resource.ContainsKey("OverrideSettings"))
                        {
                            throw new InvalidTemplateException($"{at}: OverrideSettings cannot be set on a policy.");
                        }

                        CheckLiteralPolicy(properties.GetValueOrDefault("PolicyDocument"), at + ".Properties.PolicyDocument");

                        break;
                    default:
                        throw new InvalidTemplateException(
                            $"{at}.Type must be {ThingType}, {CertificateType} or {PolicyType}, not '{resource.GetValueOrDefault("Type")}'.");
                }

                CheckOverrides(resource, at);
            }

            if (certificates != 1)
            {
                throw new InvalidTemplateException(
                    $"The template declares {certificates} AWS::IoT::Certificate resources; a fleet template declares exactly one.");
            }

            if (things > 1)
            {
                throw new InvalidTemplateException($"The template declares {things} AWS::IoT::Thing resources; at most one is allowed.");
            }

            var deviceConfiguration = OptionalMap(root, "DeviceConfiguration", "DeviceConfiguration");
            foreach (var (key, value) in deviceConfiguration)
            {
                if (value is List<object?> || (value is Dictionary<string, object?> && !IntrinsicFunctions.IsCall(value, out _, out _)))
                {
                    throw new InvalidTemplateException($"DeviceConfiguration.{key}: nested objects and lists are not supported; give a string.");
                }
            }

            var declared = new HashSet<string>(parameters.Keys, StringComparer.Ordinal) { IntrinsicFunctions.CertificateIdParameter };
            CheckCalls(resources, "Resources", declared);
            CheckCalls(deviceConfiguration, "DeviceConfiguration", declared);
        }

        /// <summary>A document written out in the template is checked now, so a Condition the emulator cannot evaluate fails
        /// at `template put`; one built by functions is checked when RegisterThing has its values.</summary>
        private static void CheckLiteralPolicy(object? document, string at)
        {
            if (document is null || ContainsCall(document))
            {
                return;
            }

            try
            {
                PolicyDocument.Parse(ProvisioningTemplate.PolicyDocumentText(document));
            }
            catch (InvalidPolicyException ex)
            {
                throw new InvalidTemplateException($"{at}: {ex.Message}.");
            }
        }

        private static bool ContainsCall(object? node) => IntrinsicFunctions.IsCall(node, out _, out _)
            || (node is Dictionary<string, object?> map && map.Values.Any(ContainsCall))
            || (node is List<object?> list && list.Any(ContainsCall));

        private static void CheckParameter(string name, object? value)
        {
            string at = "Parameters." + name;
            var declaration = value as Dictionary<string, object?> ?? throw new InvalidTemplateException($"{at} must be an object with a Type.");
            if (declaration.GetValueOrDefault("Type") is not string type || Array.IndexOf(ParameterTypes, type) < 0)
            {
                throw new InvalidTemplateException($"{at}.Type must be one of {string.Join(", ", ParameterTypes)}.");
            }

            if (declaration.TryGetValue("Default", out object? def) && def is not (string or long or double))
            {
                throw new InvalidTemplateException($"{at}.Default must be a string or a number.");
            }
        }

        private static void CheckMappings(Dictionary<string, object?> mappings)
        {
            foreach (var (mapName, map) in mappings)
            {
                var level1 = map as Dictionary<string, object?> ?? throw new InvalidTemplateException($"Mappings.{mapName} must be an object.");
                foreach (var (key1, inner) in level1)
                {
                    var level2 = inner as Dictionary<string, object?>
                        ?? throw new InvalidTemplateException($"Mappings.{mapName}.{key1} must be an object (Mappings are two levels deep).");
                    foreach (var (key2, leaf) in level2)
                    {
                        if (leaf is Dictionary<string, object?>)
                        {
                            throw new InvalidTemplateException(
                                $"Mappings.{mapName}.{key1}.{key2}: Mappings may hold only literal values, not parameters, functions or objects.");
                        }
                    }
                }
            }
        }

        private static void CheckCertificate(Dictionary<string, object?> properties, string at)
        {
            CheckKnown(properties, CertificateProperties, at + ".Properties");
            var methods = new List<string>();
            foreach (string method in CertificateMethods)
            {
                if (properties.ContainsKey(method))
                {
                    methods.Add(method);
                }
            }

            if (methods.Count != 1)
            {
                throw new InvalidTemplateException(
                    $"{at}: a certificate is declared in exactly one way (CertificateId, CertificateSigningRequest or CertificatePem); found {(methods.Count == 0 ? "none" : string.Join(" and ", methods))}.");
            }

            if (methods[0] != "CertificateId")
            {
                throw new InvalidTemplateException(
                    $"{at}: a fleet provisioning template may declare its certificate only by CertificateId, not {methods[0]}.");
            }

            if (properties.ContainsKey("CACertificatePem"))
            {
                throw new InvalidTemplateException($"{at}: CACertificatePem goes only with CertificatePem.");
            }

            if (properties.GetValueOrDefault("Status") is string status && status.ToUpperInvariant() is not ("ACTIVE" or "INACTIVE"))
            {
                throw new InvalidTemplateException($"{at}.Properties.Status must be ACTIVE or INACTIVE, not '{status}'.");
            }
        }

        private static void CheckOverrides(Dictionary<string, object?> resource, string at)
        {
            var overrides = OptionalMap(resource, "OverrideSettings", at + ".OverrideSettings");
            string type = (string)resource["Type"]!;
            foreach (var (key, value) in overrides)
            {
                string? property = OverrideSettings.PropertyOf(key);
                bool fits = type == ThingType ? property is "AttributePayload" or "ThingTypeName" or "ThingGroups" : property == "Status";
                if (!fits)
                {
                    throw new InvalidTemplateException($"{at}.OverrideSettings: '{key}' cannot be overridden on {type}.");
                }

                if (value is not string text || !OverrideSettings.TryParse(text, out var setting))
                {
                    throw new InvalidTemplateException($"{at}.OverrideSettings.{key} must be DO_NOTHING, REPLACE, FAIL or MERGE.");
                }

                if (setting == OverrideSetting.Merge && property is not ("AttributePayload" or "ThingGroups"))
                {
                    throw new InvalidTemplateException($"{at}.OverrideSettings.{key}: MERGE applies only to AttributePayload and ThingGroups.");
                }
            }
        }

        /// <summary>Every call must be a documented function, and every Ref a declared parameter.</summary>
        private static void CheckCalls(object? node, string path, HashSet<string> declared)
        {
            if (IntrinsicFunctions.IsCall(node, out string name, out object? argument))
            {
                if (Array.IndexOf(IntrinsicFunctions.Names, name) < 0)
                {
                    throw new InvalidTemplateException(
                        $"{path}: {name} is not supported in provisioning templates (supported: {string.Join(", ", IntrinsicFunctions.Names)}).");
                }

                if (name == "Ref" && (argument is not string target || !declared.Contains(target)))
                {
                    throw new InvalidTemplateException($"{path}: Ref '{argument}' names no declared parameter.");
                }

                CheckCalls(argument, $"{path}.{name}", declared);
                return;
            }

            if (node is Dictionary<string, object?> map)
            {
                foreach (var (key, value) in map)
                {
                    CheckCalls(value, path + "." + key, declared);
                }
            }
            else if (node is List<object?> list)
            {
                for (int i = 0; i < list.Count; i++)
                {
                    CheckCalls(list[i], $"{path}[{i}]", declared);
                }
            }
        }

        private static void CheckKnown(Dictionary<string, object?> properties, string[] known, string at)
        {
            foreach (var key in properties.Keys)
            {
                if (Array.IndexOf(known, key) < 0)
                {
                    throw new InvalidTemplateException($"{at}: unknown property '{key}' (expected {string.Join(", ", known)}).");
                }
            }
        }

        internal static Dictionary<string, object?> OptionalMap(Dictionary<string, object?> parent, string key, string at) =>
            !parent.TryGetValue(key, out object? value) || value is null
                ? new Dictionary<string, object?>()
                : value as Dictionary<string, object?> ?? throw new InvalidTemplateException($"{at} must be an object.");
    }
}
