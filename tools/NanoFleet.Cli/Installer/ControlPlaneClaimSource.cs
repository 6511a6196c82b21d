using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud.ControlPlane;

namespace NanoFleet.Cli.Installer
{
    /// <summary>
    /// CreateProvisioningClaim over the AWS IoT REST API (`POST /provisioning-templates/{templateName}/provisioning-claim`),
    /// signed with the installer's own credentials: AWS IoT, or the emulator's control plane.
    /// </summary>
    public sealed class ControlPlaneClaimSource : IClaimSource
    {
        private readonly ControlPlaneClient _client;

        /// <summary>Uses <paramref name="client"/>, signed as the installer.</summary>
        public ControlPlaneClaimSource(ControlPlaneClient client)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <inheritdoc />
        public async Task<ClaimGrant> CreateAsync(string templateName, CancellationToken cancellation)
        {
            JsonObject? response = await _client.SendAsync("POST", "/provisioning-templates/" + Uri.EscapeDataString(templateName) + "/provisioning-claim", null, cancellation)
                .ConfigureAwait(false);
            string? id = response?["certificateId"]?.GetValue<string>();
            string? pem = response?["certificatePem"]?.GetValue<string>();
            string? key = response?["keyPair"]?["PrivateKey"]?.GetValue<string>();
            double? expiration = response?["expiration"]?.GetValue<double>();
            if (id is null || pem is null || key is null || expiration is null)
            {
                throw new AwsServiceException(502, "InvalidResponse", "CreateProvisioningClaim answered without certificateId, certificatePem, keyPair.PrivateKey or expiration");
            }

            return new ClaimGrant(id, pem, key, DateTimeOffset.FromUnixTimeMilliseconds((long)(expiration.Value * 1000)));
        }
    }
}
