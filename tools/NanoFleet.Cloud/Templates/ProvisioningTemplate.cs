using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.Templates
{
    /// <summary>A parsed, rule-checked fleet provisioning template that evaluates to a <see cref="ProvisioningPlan"/>.</summary>
    internal sealed class ProvisioningTemplate
    {
        private readonly Dictionary<string, object?> _root;

        private ProvisioningTemplate(Dictionary<string, object?> root)
        {
            _root = root;
        }

        /// <summary>Parses and checks a body.</summary>
        /// <exception cref="InvalidTemplateException">A rule is broken; the message says which and where.</exception>
        public static ProvisioningTemplate Parse(string body)
        {
            if (body.Length > TemplateRules.MaxBodyLength)
            {
                throw new InvalidTemplateException(
                    $"The template body is {body.Length:N0} characters; AWS allows at most {TemplateRules.MaxBodyLength:N0}.");
            }

            Dictionary<string, object?> root;
            try
            {
                root = PayloadCodec.Decode(Encoding.UTF8.GetBytes(body), PayloadFormat.Json);
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidTemplateException("The template body is not a JSON object: " + ex.Message);
            }

            TemplateRules.Check(root);
            return new ProvisioningTemplate(root);
        }

        /// <summary>The declared parameter names.</summary>
        public IEnumerable<string> ParameterNames => TemplateRules.OptionalMap(_root, "Parameters", "Parameters").Keys;

        /// <summary>
        /// Merges parameters (request, then hook overrides on top, then Defaults for what is still missing)
        /// and evaluates every resource and the device configuration.
        /// </summary>
        /// <exception cref="ProvisioningException">A function failed or a value has the wrong shape.</exception>
        public ProvisioningPlan Evaluate(
            IReadOnlyDictionary<string, string> requestParameters, IReadOnlyDictionary<string, string> overrides, string certificateId)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, node) in TemplateRules.OptionalMap(_root, "Parameters", "Parameters"))
            {
                if (overrides.TryGetValue(name, out string? over))
                {
                    values[name] = over;
                }
                else if (requestParameters.TryGetValue(name, out string? given))
                {
                    values[name] = given;
                }
                else if (node is Dictionary<string, object?> declaration && declaration.TryGetValue("Default", out object? def))
                {
                    values[name] = Convert.ToString(def, CultureInfo.InvariantCulture)!;
                }
            }

            values[IntrinsicFunctions.CertificateIdParameter] = certificateId;
            var functions = new IntrinsicFunctions(values, TemplateRules.OptionalMap(_root, "Mappings", "Mappings"));

            ThingPlan? thing = null;
            var status = CertificateStatus.Active;
            var statusOverride = OverrideSetting.Replace;
            var policies = new List<PolicyPlan>();
            foreach (var (logicalName, node) in TemplateRules.OptionalMap(_root, "Resources", "Resources"))
            {
                var resource = (Dictionary<string, object?>)node!;
                string at = "Resources." + logicalName;
                var properties = TemplateRules.OptionalMap(resource, "Properties", at);
                var overrideSettings = ReadOverrides(resource);
                switch ((string)resource["Type"]!)
                {
                    case TemplateRules.ThingType:
                        thing = EvaluateThing(functions, properties, at + ".Properties", overrideSettings);
                        break;
                    case TemplateRules.CertificateType:
                        string id = functions.EvaluateString(properties["CertificateId"], at + ".Properties.CertificateId");
                        if (!string.Equals(id, certificateId, StringComparison.OrdinalIgnoreCase))
                        {
                            throw ProvisioningException.InvalidRequest(
                                $"{at}.Properties.CertificateId evaluates to '{id}', not the id of the certificate named by the ownership token.");
                        }

                        if (properties.TryGetValue("Status", out object? statusNode))
                        {
                            string text = functions.EvaluateString(statusNode, at + ".Properties.Status");
                            status = text.ToUpperInvariant() switch
                            {
                                "ACTIVE" => CertificateStatus.Active,
                                "INACTIVE" => CertificateStatus.Inactive,
                                _ => throw ProvisioningException.InvalidRequest($"{at}.Properties.Status is '{text}', not ACTIVE or INACTIVE."),
                            };
                        }

                        statusOverride = overrideSettings.GetValueOrDefault("Status", OverrideSetting.Replace);
                        break;
                    default:
                        policies.Add(properties.TryGetValue("PolicyName", out object? policyName)
                            ? new PolicyPlan(Named(ResourceNames.Policy, functions.EvaluateString(policyName, at + ".Properties.PolicyName"), at + ".Properties.PolicyName"), null)
                            : new PolicyPlan(null, PolicyDocumentText(functions.Evaluate(properties["PolicyDocument"], at + ".Properties.PolicyDocument"))));
                        break;
                }
            }

            var configuration = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, node) in TemplateRules.OptionalMap(_root, "DeviceConfiguration", "DeviceConfiguration"))
            {
                configuration[key] = functions.EvaluateString(node, "DeviceConfiguration." + key);
            }

            return new ProvisioningPlan(thing, status, statusOverride, policies, configuration);
        }

        private static ThingPlan EvaluateThing(
            IntrinsicFunctions functions, Dictionary<string, object?> properties, string at, Dictionary<string, OverrideSetting> overrides)
        {
            string name = Named(ResourceNames.Thing, functions.EvaluateString(properties["ThingName"], at + ".ThingName"), at + ".ThingName");

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (properties.TryGetValue("AttributePayload", out object? payloadNode))
            {
                if (functions.Evaluate(payloadNode, at + ".AttributePayload") is not Dictionary<string, object?> payload)
                {
                    throw ProvisioningException.InvalidRequest($"{at}.AttributePayload must evaluate to an object.");
                }

                foreach (var (key, value) in payload)
                {
                    string where = $"{at}.AttributePayload";
                    attributes[Named(ResourceNames.AttributeName, key, where)] =
                        Named(ResourceNames.AttributeValue, functions.EvaluateString(value, where + "." + key), where + "." + key);
                }
            }

            var groups = new List<string>();
            if (properties.TryGetValue("ThingGroups", out object? groupsNode))
            {
                if (functions.Evaluate(groupsNode, at + ".ThingGroups") is not List<object?> list)
                {
                    throw ProvisioningException.InvalidRequest($"{at}.ThingGroups must evaluate to a list.");
                }

                for (int i = 0; i < list.Count; i++)
                {
                    string where = $"{at}.ThingGroups[{i}]";
                    groups.Add(Named(ResourceNames.ThingGroup, functions.EvaluateString(list[i], where), where));
                }
            }

            string? Optional(string key, ResourceNameRule rule) =>
                properties.TryGetValue(key, out object? node) ? Named(rule, functions.EvaluateString(node, $"{at}.{key}"), $"{at}.{key}") : null;

            return new ThingPlan(name, attributes, Optional("ThingTypeName", ResourceNames.ThingType), groups,
                Optional("BillingGroup", ResourceNames.BillingGroup), overrides);
        }

        /// <summary><paramref name="value"/> when it fits AWS's pattern for the resource; otherwise RegisterThing fails
        /// with 400 InvalidRequestException before anything is written.</summary>
        private static string Named(ResourceNameRule rule, string value, string at) =>
            ResourceNames.Check(rule, value) is { } problem ? throw ProvisioningException.InvalidRequest($"{at}: {problem}") : value;

        private static Dictionary<string, OverrideSetting> ReadOverrides(Dictionary<string, object?> resource)
        {
            var result = new Dictionary<string, OverrideSetting>(StringComparer.Ordinal);
            foreach (var (key, value) in TemplateRules.OptionalMap(resource, "OverrideSettings", "OverrideSettings"))
            {
                OverrideSettings.TryParse((string)value!, out var setting);
                result[OverrideSettings.PropertyOf(key)!] = setting;
            }

            return result;
        }

        /// <summary>A policy document is an escaped JSON string in some AWS examples and an object in others.</summary>
        internal static string PolicyDocumentText(object? document) => document switch
        {
            string s => s,
            _ => JsonSerializer.Serialize(document),
        };
    }
}
