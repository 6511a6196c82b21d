using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Registry;
using NanoFleet.Cloud.Templates;

namespace NanoFleet.Cloud.Jitp
{
    /// <summary>
    /// AWS IoT's just-in-time provisioning at a certificate's first connection: a certificate no one registered, signed by a
    /// registered CA that is ACTIVE with auto-registration on and presented with that CA in the TLS chain, is registered
    /// (PENDING_ACTIVATION) and the CA's JITP template runs with the `AWS::IoT::Certificate::*` parameters, activating it,
    /// making the thing and attaching the policy, all in one transaction. That first connection is then closed, as on AWS;
    /// the device's retry connects as the thing. A CA without a template only registers the certificate (JITR).
    /// The pre-provisioning hook is not called: AWS accepts a hook only on FLEET_PROVISIONING templates.
    /// </summary>
    internal sealed class JitpProvisioner
    {
        private readonly EmulatorContext _context;

        public JitpProvisioner(EmulatorContext context)
        {
            _context = context;
        }

        /// <summary>The registered CA (any status) that signed <paramref name="certificate"/>, or null.</summary>
        public CaCertificateInfo? FindIssuer(X509Certificate2 certificate)
        {
            foreach (var ca in _context.Store.Read(s => s.ListCaCertificates()))
            {
                using var caCertificate = X509Certificate2.CreateFromPem(ca.CertificatePem);
                if (IssuerCheck.IsSignedBy(certificate, caCertificate))
                {
                    return ca;
                }
            }

            return null;
        }

        /// <summary>True when the client sent the CA's certificate in its chain.</summary>
        public static bool Presented(CaCertificateInfo ca, X509Certificate2Collection? chain)
        {
            if (chain is null)
            {
                return false;
            }

            using var caCertificate = X509Certificate2.CreateFromPem(ca.CertificatePem);
            foreach (var presented in chain)
            {
                if (presented.RawData.AsSpan().SequenceEqual(caCertificate.RawData))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Handles the first connection of an unregistered certificate. The caller closes the connection whatever
        /// the outcome.</summary>
        /// <param name="certificate">The device certificate.</param>
        /// <param name="ca">The registered CA that signed it.</param>
        /// <param name="caPresented">Whether the device sent the CA in its chain.</param>
        public void HandleFirstConnection(X509Certificate2 certificate, CaCertificateInfo ca, bool caPresented)
        {
            string id = CertificateAuthority.IdOf(certificate);
            string? refusal = ca.Status != CaCertificateStatus.Active ? $"its CA {ca.Id} is {ca.Status.ToAwsName()}"
                : !ca.AutoRegistration ? $"its CA {ca.Id} does not allow auto-registration"
                : !caPresented ? $"the device did not send its CA {ca.Id} in the TLS chain (JITP needs the device certificate and the CA)"
                : null;
            if (refusal is not null)
            {
                _context.Log.Warn("jitp", null, id, "refused an unregistered certificate: " + refusal);
                return;
            }

            try
            {
                Register(certificate, id, ca);
                if (ca.Registration is not null)
                {
                    _context.Metrics.ProvisionThing.RecordSuccess();
                }
            }
            catch (ProvisioningException ex)
            {
                _context.Metrics.ProvisionThing.RecordClientError();
                _context.Log.Warn("jitp", null, id, $"template of CA {ca.Id} failed, nothing registered: {ex.ErrorCode}: {ex.Message}");
            }
            catch (InvalidTemplateException ex)
            {
                _context.Metrics.ProvisionThing.RecordClientError();
                _context.Log.Warn("jitp", null, id, $"template of CA {ca.Id} is invalid, nothing registered: {ex.Message}");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _context.Metrics.ProvisionThing.RecordServerError();
                _context.Log.Error("jitp", null, id, $"provisioning failed inside the emulator: {ex.GetType().Name}: {ex.Message}");
            }
        }

        private void Register(X509Certificate2 certificate, string id, CaCertificateInfo ca)
        {
            var now = _context.Clock.GetUtcNow();
            var record = new CertificateRecord(new CertificateInfo(id, CertificateStatus.PendingActivation, CertificateKind.Device,
                certificate.ExportCertificatePem() + "\n", now, null), null, null);
            if (ca.Registration is not { } registration)
            {
                _context.Store.Write(s =>
                {
                    s.InsertCertificate(record);
                    return 0;
                });
                _context.Log.Info("jitp", null, id, $"auto-registered PENDING_ACTIVATION (CA {ca.Id} has no template); the connection is closed");
                return;
            }

            // Read at connection time, so a template updated after the CA was registered applies, as on AWS.
            string body = registration.TemplateBody ?? _context.Store.Read(s => s.GetTemplate(registration.TemplateName!))?.Body
                ?? throw ProvisioningException.InvalidRequest($"The provisioning template '{registration.TemplateName}' does not exist.");
            var template = JitpTemplateRules.Parse(body);
            var parameters = CertificateSubjectParameters.Of(certificate);
            CertificateSubjectParameters.CheckDeclared(template.ParameterNames, parameters);
            var plan = template.Evaluate(parameters, new Dictionary<string, string>(), id);
            _context.Store.Write(s =>
            {
                s.InsertCertificate(record);
                return RegistrationWriter.Apply(s, plan, id, null, now);
            });
            _context.Log.Info("jitp", null, id,
                $"auto-registered and provisioned thing '{plan.Thing?.Name}' (certificate {plan.CertificateStatus.ToAwsName()}) with the template of CA {ca.Id}; the first connection is closed");
        }
    }
}
