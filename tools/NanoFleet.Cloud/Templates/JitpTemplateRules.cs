using System.Collections.Generic;
using System.Text;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.Templates
{
    /// <summary>
    /// What a JITP template needs beyond a fleet template's rules. AWS: "You must use CertificateId in a template
    /// that's used for JIT provisioning", and the certificate is the one the device presented, so the value can only
    /// be `{"Ref": "AWS::IoT::Certificate::Id"}`.
    /// </summary>
    internal static class JitpTemplateRules
    {
        /// <summary>The prefix of the parameters AWS fills from the presented certificate.</summary>
        public const string CertificateParameterPrefix = "AWS::IoT::Certificate::";

        /// <summary>Checks <paramref name="body"/> as a JITP template and returns it parsed.</summary>
        /// <exception cref="InvalidTemplateException">A rule is broken; the message says which.</exception>
        public static ProvisioningTemplate Parse(string body)
        {
            var template = ProvisioningTemplate.Parse(body); // the general rules first: exactly one certificate, by CertificateId
            var root = PayloadCodec.Decode(Encoding.UTF8.GetBytes(body), PayloadFormat.Json);
            foreach (var (logicalName, node) in TemplateRules.OptionalMap(root, "Resources", "Resources"))
            {
                var resource = (Dictionary<string, object?>)node!;
                if (resource["Type"] as string != TemplateRules.CertificateType)
                {
                    continue;
                }

                var properties = TemplateRules.OptionalMap(resource, "Properties", "Resources." + logicalName + ".Properties");
                if (!IntrinsicFunctions.IsCall(properties.GetValueOrDefault("CertificateId"), out string function, out object? argument)
                    || function != "Ref" || argument as string != IntrinsicFunctions.CertificateIdParameter)
                {
                    throw new InvalidTemplateException(
                        $"Resources.{logicalName}.Properties.CertificateId: a JITP template declares its certificate only by {{\"Ref\": \"{IntrinsicFunctions.CertificateIdParameter}\"}}.");
                }
            }

            return template;
        }
    }
}
