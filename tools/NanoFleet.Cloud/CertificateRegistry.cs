using System.Collections.Generic;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Registry;

namespace NanoFleet.Cloud
{
    /// <summary>Every certificate the emulator issued (claims and devices): look up, change status, revoke.</summary>
    public sealed class CertificateRegistry
    {
        private readonly EmulatorContext _context;

        internal CertificateRegistry(EmulatorContext context)
        {
            _context = context;
        }

        /// <summary>The certificate with that id, or null.</summary>
        public Task<CertificateInfo?> GetAsync(string certificateId) =>
            Task.FromResult(_context.Store.Read(s => s.GetCertificate(certificateId))?.Info);

        /// <summary>Every certificate, oldest first.</summary>
        public Task<IReadOnlyList<CertificateInfo>> ListAsync() =>
            Task.FromResult<IReadOnlyList<CertificateInfo>>(_context.Store.Read(s => s.ListCertificates()).ConvertAll(r => r.Info));

        /// <summary>Sets a certificate's status. Anything but ACTIVE closes its live connections.</summary>
        /// <returns>False when no certificate has that id.</returns>
        /// <exception cref="CertificateStateException">The certificate is REVOKED: as on AWS, that is final.</exception>
        public async Task<bool> SetStatusAsync(string certificateId, CertificateStatus status)
        {
            if (status != CertificateStatus.Revoked && _context.Store.Read(s => s.GetCertificate(certificateId))?.Info.Status == CertificateStatus.Revoked)
            {
                throw new CertificateStateException($"Certificate {certificateId} is REVOKED and cannot be set {status.ToAwsName()}.");
            }

            bool found = _context.Store.Read(s => s.SetCertificateStatus(certificateId, status));
            if (found)
            {
                _context.Log.Info("status", null, certificateId, "certificate set " + status.ToAwsName());
                if (status != CertificateStatus.Active && _context.Broker is { } broker)
                {
                    await broker.DisconnectCertificateAsync(certificateId, "certificate " + status.ToAwsName()).ConfigureAwait(false);
                }
            }

            return found;
        }

        /// <summary>Makes a key pair and a certificate for it signed by the emulator's CA, as AWS's control-plane
        /// CreateKeysAndCertificate does: bound to no claim and no thing, ACTIVE or INACTIVE as asked.</summary>
        /// <param name="setAsActive">ACTIVE when true; INACTIVE (AWS's default) otherwise.</param>
        /// <returns>The certificate and its key; the key is not kept.</returns>
        public Task<IssuedCertificate> CreateKeysAndCertificateAsync(bool setAsActive)
        {
            var request = DeviceKeys.Create(_context.Options.KeyAlgorithm, out string privateKeyPem);
            using var certificate = _context.Ca.IssueClientCertificate(request);
            var info = new CertificateInfo(CertificateAuthority.IdOf(certificate), setAsActive ? CertificateStatus.Active : CertificateStatus.Inactive,
                CertificateKind.Device, certificate.ExportCertificatePem() + "\n", _context.Clock.GetUtcNow(), null);
            _context.Store.Read(s =>
            {
                s.InsertCertificate(new CertificateRecord(info, null, null));
                return 0;
            });
            _context.Log.Info("CreateKeysAndCertificate", null, info.Id, $"issued {_context.Options.KeyAlgorithm} key pair and certificate ({info.Status.ToAwsName()})");
            return Task.FromResult(new IssuedCertificate(info, privateKeyPem));
        }

        /// <summary>Revokes a certificate and closes its live connections.</summary>
        public Task<bool> RevokeAsync(string certificateId) => SetStatusAsync(certificateId, CertificateStatus.Revoked);
    }
}
