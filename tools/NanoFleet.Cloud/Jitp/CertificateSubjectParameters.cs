using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Templates;

namespace NanoFleet.Cloud.Jitp
{
    /// <summary>
    /// The `AWS::IoT::Certificate::*` parameters a JITP template gets, read from the presented certificate's subject
    /// (jit-provisioning.md): Country, Organization, OrganizationalUnit, DistinguishedNameQualifier, StateName,
    /// CommonName and SerialNumber (the subject's serialNumber attribute), plus Id.
    /// </summary>
    internal static class CertificateSubjectParameters
    {
        private static readonly (string Parameter, string Oid)[] Attributes =
        {
            ("Country", "2.5.4.6"), ("Organization", "2.5.4.10"), ("OrganizationalUnit", "2.5.4.11"),
            ("DistinguishedNameQualifier", "2.5.4.46"), ("StateName", "2.5.4.8"), ("CommonName", "2.5.4.3"), ("SerialNumber", "2.5.4.5"),
        };

        /// <summary>The parameters the subject of <paramref name="certificate"/> holds (first value of each attribute).</summary>
        public static Dictionary<string, string> Of(X509Certificate2 certificate)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
            {
                string? oid = rdn.GetSingleElementType().Value;
                foreach (var (parameter, attributeOid) in Attributes)
                {
                    string name = JitpTemplateRules.CertificateParameterPrefix + parameter;
                    if (oid == attributeOid && !values.ContainsKey(name) && rdn.GetSingleElementValue() is { } value)
                    {
                        values[name] = value;
                    }
                }
            }

            return values;
        }

        /// <summary>AWS: "provisioning fails if the certificate doesn't have values for all of the parameters" the template declares.</summary>
        /// <exception cref="ProvisioningException">A declared certificate parameter has no value in the subject (400, a client error).</exception>
        public static void CheckDeclared(IEnumerable<string> declared, IReadOnlyDictionary<string, string> values)
        {
            foreach (string name in declared)
            {
                if (name.StartsWith(JitpTemplateRules.CertificateParameterPrefix, StringComparison.Ordinal)
                    && name != IntrinsicFunctions.CertificateIdParameter && !values.ContainsKey(name))
                {
                    throw ProvisioningException.InvalidRequest($"The template declares {name} but the certificate's subject has no such attribute.");
                }
            }
        }
    }
}
