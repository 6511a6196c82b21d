using System.Collections.Generic;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;

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
        public async Task<bool> SetStatusAsync(string certificateId, CertificateStatus status)
        {
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

        /// <summary>Revokes a certificate and closes its live connections.</summary>
        public Task<bool> RevokeAsync(string certificateId) => SetStatusAsync(certificateId, CertificateStatus.Revoked);
    }
}
