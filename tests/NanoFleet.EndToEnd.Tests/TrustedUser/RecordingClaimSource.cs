using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Installer;

namespace NanoFleet.EndToEnd.Tests.TrustedUser
{
    /// <summary>The real claim source, remembering the claim it got so a test can look for its bytes in flash afterwards.</summary>
    internal sealed class RecordingClaimSource(IClaimSource inner) : IClaimSource
    {
        public ClaimGrant? Last { get; private set; }

        public async Task<ClaimGrant> CreateAsync(string templateName, CancellationToken cancellation) =>
            Last = await inner.CreateAsync(templateName, cancellation);
    }
}
