using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Jitp;
using NanoFleet.Cloud.Templates;

namespace NanoFleet.Cloud
{
    /// <summary>
    /// CA certificates registered for just-in-time provisioning, as AWS IoT's RegisterCACertificate,
    /// DescribeCACertificate, ListCACertificates, UpdateCACertificate and GetRegistrationCode keep them. Errors are
    /// AWS's (<see cref="AwsServiceException"/>), so the control plane passes them through unchanged.
    /// </summary>
    /// <example><code>
    /// string code = await emulator.CaCertificates.GetRegistrationCodeAsync();
    /// // sign a certificate with CN=code by the factory CA, then:
    /// var ca = await emulator.CaCertificates.RegisterAsync(caPem, verificationPem, setAsActive: true, allowAutoRegistration: true,
    ///     new RegistrationConfig(jitpTemplateBody, null, roleArn));
    /// </code></example>
    public sealed class CaRegistry
    {
        private readonly EmulatorContext _context;

        internal CaRegistry(EmulatorContext context)
        {
            _context = context;
        }

        /// <summary>The account's registration code (64 hex digits), made on first use and then always the same.</summary>
        public Task<string> GetRegistrationCodeAsync() => Task.FromResult(_context.Store.Write(s =>
        {
            string? code = s.GetRegistrationCode();
            if (code is null)
            {
                code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
                s.SetRegistrationCode(code);
            }

            return code;
        }));

        /// <summary>Registers a CA after checking proof of possession of its key, as AWS does in DEFAULT mode.</summary>
        /// <param name="caPem">The CA certificate.</param>
        /// <param name="verificationPem">A certificate signed by the CA whose common name is the registration code.</param>
        /// <param name="setAsActive">ACTIVE (true) or INACTIVE.</param>
        /// <param name="allowAutoRegistration">Register certificates it signed when they first connect.</param>
        /// <param name="registration">The JITP template (body or name of a stored one), or null.</param>
        /// <exception cref="AwsServiceException">CertificateValidationException (not a CA, expired, not PEM, verification certificate
        /// not signed by it), RegistrationCodeValidationException, ResourceAlreadyExistsException, InvalidRequestException (the
        /// JITP template); nothing is stored.</exception>
        public Task<CaCertificateInfo> RegisterAsync(string caPem, string? verificationPem, bool setAsActive, bool allowAutoRegistration,
            RegistrationConfig? registration)
        {
            using var ca = LoadPem(caPem, "caCertificate");
            if (!IssuerCheck.IsCa(ca))
            {
                throw CaErrors.CertificateValidation($"caCertificate '{ca.Subject}' is not a CA certificate (basicConstraints cA is not set).");
            }

            var now = _context.Clock.GetUtcNow();
            if (now < ca.NotBefore.ToUniversalTime() || now > ca.NotAfter.ToUniversalTime())
            {
                throw CaErrors.CertificateValidation($"caCertificate '{ca.Subject}' is not valid now (valid {ca.NotBefore:u} to {ca.NotAfter:u}).");
            }

            using var verification = LoadPem(verificationPem ?? throw AwsServiceException.InvalidRequest("verificationCertificate is required"),
                "verificationCertificate");
            if (!IssuerCheck.IsSignedBy(verification, ca))
            {
                throw CaErrors.CertificateValidation("verificationCertificate is not signed by the CA certificate's key.");
            }

            CheckRegistration(registration);
            string id = CertificateAuthority.IdOf(ca);
            var info = new CaCertificateInfo(id, setAsActive ? CaCertificateStatus.Active : CaCertificateStatus.Inactive, allowAutoRegistration,
                ca.ExportCertificatePem() + "\n", now, now, registration);
            string commonName = verification.GetNameInfo(X509NameType.SimpleName, false);
            _context.Store.Write(s =>
            {
                if (s.GetRegistrationCode() is not { } code || !string.Equals(code, commonName, StringComparison.OrdinalIgnoreCase))
                {
                    throw CaErrors.RegistrationCodeValidation(
                        "The verification certificate's common name is not this account's registration code (GetRegistrationCode).");
                }

                if (s.GetCaCertificate(id) is not null)
                {
                    throw AwsServiceException.ResourceAlreadyExists($"The CA certificate {id} is already registered.");
                }

                s.InsertCaCertificate(info);
                return 0;
            });
            _context.Log.Info("ca", null, id, $"registered CA '{ca.Subject}' {info.Status.ToAwsName()}, auto-registration {CaCertificateNames.AutoRegistrationName(allowAutoRegistration)}");
            return Task.FromResult(info);
        }

        /// <summary>The CA with that id, or null.</summary>
        public Task<CaCertificateInfo?> GetAsync(string caCertificateId) => Task.FromResult(_context.Store.Read(s => s.GetCaCertificate(caCertificateId)));

        /// <summary>Every registered CA, oldest first.</summary>
        public Task<IReadOnlyList<CaCertificateInfo>> ListAsync() =>
            Task.FromResult<IReadOnlyList<CaCertificateInfo>>(_context.Store.Read(s => s.ListCaCertificates()));

        /// <summary>Changes a CA's status, auto-registration or JITP configuration; a null argument leaves that part as it is.</summary>
        /// <exception cref="AwsServiceException">ResourceNotFoundException, or InvalidRequestException for the template.</exception>
        public Task<CaCertificateInfo> UpdateAsync(string caCertificateId, CaCertificateStatus? status, bool? autoRegistration,
            RegistrationConfig? registration, bool removeRegistration = false)
        {
            CheckRegistration(registration);
            var now = _context.Clock.GetUtcNow();
            var updated = _context.Store.Write(s =>
            {
                var current = s.GetCaCertificate(caCertificateId)
                    ?? throw AwsServiceException.ResourceNotFound($"No CA certificate has the id {caCertificateId}.");
                var next = current with
                {
                    Status = status ?? current.Status,
                    AutoRegistration = autoRegistration ?? current.AutoRegistration,
                    Registration = removeRegistration ? null : registration ?? current.Registration,
                    LastModifiedAt = now,
                };
                s.UpdateCaCertificate(next);
                return next;
            });
            _context.Log.Info("ca", null, caCertificateId,
                $"CA set {updated.Status.ToAwsName()}, auto-registration {CaCertificateNames.AutoRegistrationName(updated.AutoRegistration)}");
            return Task.FromResult(updated);
        }

        /// <summary>A JITP configuration names one template, by body or by a stored template's name, that follows the JITP rules.</summary>
        private void CheckRegistration(RegistrationConfig? registration)
        {
            if (registration is null)
            {
                return;
            }

            if (registration.TemplateBody is not null && registration.TemplateName is not null)
            {
                throw AwsServiceException.InvalidRequest("registrationConfig gives templateBody or templateName, not both.");
            }

            string? body = registration.TemplateBody;
            if (registration.TemplateName is { } name)
            {
                body = _context.Store.Read(s => s.GetTemplate(name))?.Body
                    ?? throw AwsServiceException.InvalidRequest($"registrationConfig.templateName: the provisioning template '{name}' does not exist.");
            }

            try
            {
                if (body is not null)
                {
                    JitpTemplateRules.Parse(body);
                }
            }
            catch (InvalidTemplateException ex)
            {
                throw AwsServiceException.InvalidRequest("registrationConfig: " + ex.Message);
            }
        }

        private static X509Certificate2 LoadPem(string pem, string member)
        {
            try
            {
                return X509Certificate2.CreateFromPem(pem);
            }
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
            {
                throw CaErrors.CertificateValidation($"{member} is not a PEM certificate: {ex.Message}");
            }
        }
    }
}
