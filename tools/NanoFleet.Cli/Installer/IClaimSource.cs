using System.Threading;
using System.Threading.Tasks;

namespace NanoFleet.Cli.Installer
{
    /// <summary>Where the installer's temporary claims come from: AWS IoT's CreateProvisioningClaim (or the emulator's).</summary>
    public interface IClaimSource
    {
        /// <summary>Asks for a temporary claim bound to <paramref name="templateName"/>.</summary>
        /// <exception cref="NanoFleet.Cloud.ControlPlane.AwsServiceException">The service refused (AccessDeniedException, ResourceNotFoundException…).</exception>
        /// <exception cref="System.Net.Http.HttpRequestException">The service is not reachable.</exception>
        Task<ClaimGrant> CreateAsync(string templateName, CancellationToken cancellation);
    }
}
