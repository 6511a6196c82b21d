using System.Text;
using NanoFleet.Provisioning;
using NanoFleet.Station.Claim;

namespace NanoFleet.Cli.Device
{
    /// <summary>The station's claim-image builder, fed from a <see cref="ProvisioningClaim"/> held in memory.</summary>
    internal static class ClaimImages
    {
        /// <summary>Builds the esp_secure_cert partition image for <paramref name="claim"/>.</summary>
        /// <exception cref="ClaimImageException">An input is unusable; the message names it.</exception>
        public static byte[] Build(ProvisioningClaim claim)
        {
            var builder = new ClaimImageBuilder()
                .WithCaPem(Encoding.UTF8.GetString(claim.CaPem))
                .WithClaimCertificatePem(Encoding.UTF8.GetString(claim.CertificatePem))
                .WithClaimKeyPem(Encoding.UTF8.GetString(claim.PrivateKeyPem))
                .WithEndpoint(claim.EndpointHost, claim.EndpointPort)
                .WithTemplate(claim.TemplateName)
                .WithFormat(claim.Format);
            for (int i = 0; i < claim.Parameters.Count; i++)
            {
                builder.WithParameter(claim.Parameters.KeyAt(i), claim.Parameters.ValueAt(i));
            }

            return builder.Build().Bytes;
        }
    }
}
