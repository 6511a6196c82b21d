using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Registry;
using NanoFleet.Cloud.Templates;

namespace NanoFleet.Cloud
{
    /// <summary>Claim certificates: made for one template, revocable (which also closes their live connections).</summary>
    public sealed class ClaimRegistry
    {
        private readonly EmulatorContext _context;

        internal ClaimRegistry(EmulatorContext context)
        {
            _context = context;
        }

        /// <summary>How long a claim from <see cref="CreateTemporaryAsync"/> connects: AWS's "expires after five minutes".</summary>
        public static readonly TimeSpan TemporaryLifetime = TimeSpan.FromMinutes(5);

        /// <summary>Makes a claim certificate (EC P-256, signed by the emulator's CA) allowed to provision with <paramref name="templateName"/>.</summary>
        /// <param name="templateName">The template; it must exist (enabled or not), as for AWS's CreateProvisioningClaim.</param>
        /// <returns>The certificate, its key and the CA. The key is not kept.</returns>
        /// <exception cref="InvalidTemplateException">The name is not a valid template name.</exception>
        /// <exception cref="ResourceNotFoundException">No template has that name; nothing was registered.</exception>
        public Task<ClaimCredentials> CreateAsync(string templateName) => Task.FromResult(Create(templateName, null));

        /// <summary>
        /// A trusted user's temporary claim (AWS's CreateProvisioningClaim): like <see cref="CreateAsync"/>, but its certificate's
        /// NotAfter is five minutes from now on the emulator's clock, after which the TLS handshake refuses it. It is not listed
        /// by ListCertificates, as on AWS.
        /// </summary>
        /// <param name="templateName">The template; it must exist.</param>
        /// <returns>The credentials, with <see cref="ClaimCredentials.Expiration"/> set. The key is not kept.</returns>
        /// <exception cref="InvalidTemplateException">The name is not a valid template name.</exception>
        /// <exception cref="ResourceNotFoundException">No template has that name; nothing was registered.</exception>
        /// <example><code>
        /// var claim = await emulator.Claims.CreateTemporaryAsync("fleet"); // hand it to the device within claim.Expiration
        /// </code></example>
        public Task<ClaimCredentials> CreateTemporaryAsync(string templateName) =>
            Task.FromResult(Create(templateName, _context.Clock.GetUtcNow() + TemporaryLifetime));

        private ClaimCredentials Create(string templateName, DateTimeOffset? expiration)
        {
            TemplateRules.CheckName(templateName);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest($"CN=claim-{templateName}, O=NanoFleet", key, HashAlgorithmName.SHA256);
            using var certificate = _context.Ca.IssueClientCertificate(request, expiration);
            string id = CertificateAuthority.IdOf(certificate);
            string pem = certificate.ExportCertificatePem() + "\n";
            // X.509 keeps whole seconds: the registry records the NotAfter the handshake will check.
            DateTimeOffset? expires = expiration is null ? null : new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
            var now = _context.Clock.GetUtcNow();
            _context.Store.Write(s =>
            {
                // Checked in the transaction that registers the claim, so a template deleted meanwhile cannot slip through.
                if (s.GetTemplate(templateName) is null)
                {
                    throw new ResourceNotFoundException($"template '{templateName}' does not exist: store it with `nanofleet cloud template put {templateName} FILE.json` first");
                }

                s.InsertCertificate(new CertificateRecord(new CertificateInfo(id, CertificateStatus.Active, CertificateKind.Claim, pem, now, null), null, null));
                s.InsertClaim(id, templateName, now);
                if (expires is { } end)
                {
                    s.InsertClaimExpiration(id, end);
                }

                return 0;
            });
            _context.Log.Info("claim", null, id, expires is { } until
                ? $"created temporary claim for template '{templateName}', valid until {until:u}"
                : $"created claim for template '{templateName}'");
            return new ClaimCredentials(id, templateName, pem, key.ExportPkcs8PrivateKeyPem() + "\n", _context.Ca.CaCertificatePem, expires);
        }

        /// <summary>Revokes a claim: it can no longer connect and its live connections are closed.
        /// Devices it already provisioned are not affected.</summary>
        /// <returns>False when no claim has that id.</returns>
        public async Task<bool> RevokeAsync(string certificateId)
        {
            bool found = _context.Store.Read(s => s.GetClaim(certificateId) is not null && s.SetCertificateStatus(certificateId, CertificateStatus.Revoked));
            if (found)
            {
                _context.Log.Info("revoke", null, certificateId, "claim revoked");
                if (_context.Broker is { } broker)
                {
                    await broker.DisconnectCertificateAsync(certificateId, "claim certificate revoked").ConfigureAwait(false);
                }
            }

            return found;
        }

        /// <summary>Deletes a claim and its certificate, as if it had never been made: the undo of <see cref="CreateAsync"/>
        /// when its key could not be delivered. Its live connections are closed.</summary>
        /// <returns>False when no claim has that id.</returns>
        public async Task<bool> DeleteAsync(string certificateId)
        {
            bool found = _context.Store.Write(s => s.DeleteClaim(certificateId));
            if (found)
            {
                _context.Log.Info("delete", null, certificateId, "claim deleted");
                if (_context.Broker is { } broker)
                {
                    await broker.DisconnectCertificateAsync(certificateId, "claim certificate deleted").ConfigureAwait(false);
                }
            }

            return found;
        }

        /// <summary>Every claim, oldest first.</summary>
        public Task<IReadOnlyList<ClaimInfo>> ListAsync() => Task.FromResult<IReadOnlyList<ClaimInfo>>(_context.Store.Read(s => s.ListClaims()));
    }
}
