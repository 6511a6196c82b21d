using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Device;
using NanoFleet.Cloud;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Provisioning;
using Xunit;

namespace NanoFleet.EndToEnd.Tests
{
    /// <summary>
    /// A device that makes its own key pair provisions through CreateCertificateFromCsr against the
    /// real emulator: its certificate carries the device's key (EC P-256, where the emulator's own
    /// CreateKeysAndCertificate would make RSA-2048), and no key was ever created by the cloud.
    /// </summary>
    public sealed class CsrFlowTests
    {
        [Theory]
        [InlineData(FpFormat.Json)]
        [InlineData(FpFormat.Cbor)]
        public async Task DeviceMadeKey_ProvisionsThroughCreateCertificateFromCsr(FpFormat format)
        {
            await using var cloud = await E2eCloud.StartAsync();
            string image = cloud.BuildImage(3, format);
            using var device = new VirtualDevice(image, E2eCloud.FastOptions("dev-03", useCsr: true));

            Assert.Equal(DeviceRunOutcome.Operational, device.Boot(once: false, CancellationToken.None));

            Assert.Equal(E2eCloud.ThingOf(3), device.ThingName);
            using var certificate = X509Certificate2.CreateFromPem(device.CertificatePem);
            Assert.Contains("CN=nanofleet-", certificate.Subject);
            Assert.NotNull(certificate.GetECDsaPublicKey());
            var apis = cloud.Emulator.Metrics.Snapshot().Apis;
            Assert.Equal(1, apis.Single(a => a.Api == "CreateCertificateFromCsr").Requests);
            Assert.Equal(0, apis.Single(a => a.Api == "CreateKeysAndCertificate").Requests);
            Assert.Equal(CertificateStatus.Active, (await cloud.Emulator.Certificates.GetAsync(device.CertificateId))!.Status);
        }
    }
}
