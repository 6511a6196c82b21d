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
    /// <summary>A virtual device boots from a factory-built image file and provisions against the real emulator.</summary>
    public sealed class HappyPathTests
    {
        [Theory]
        [InlineData(FpFormat.Json)]
        [InlineData(FpFormat.Cbor)]
        public async Task FirstBoot_ProvisionsAndConnectsAsItsOwnThing(FpFormat format)
        {
            await using var cloud = await E2eCloud.StartAsync();
            string image = cloud.BuildImage(1, format);
            // The exact step list below allows no retry, so a slow, loaded machine must not time a step out.
            using var device = new VirtualDevice(image, E2eCloud.FastOptions("dev-01", stepTimeoutMilliseconds: 30000));
            var steps = new StepRecorder(device);

            Assert.Equal(DeviceRunOutcome.Operational, device.Boot(once: false, CancellationToken.None));

            Assert.True(device.IsConnected);
            Assert.Equal(E2eCloud.ThingOf(1), device.ThingName);
            Assert.Equal(1, device.Reboots);
            Assert.Equal(
                new[] { "Booting", "ConnectingWithClaim", "SubscribingCreate", "RequestingCertificate", "SubscribingRegister", "RegisteringThing", "Persisting", "Rebooting", "Booting", "ConnectingAsThing", "Operational" },
                steps.Steps.Where(s => s != "Idle"));
            var thing = await cloud.Emulator.Things.GetAsync(device.ThingName);
            Assert.NotNull(thing);
            Assert.Contains(device.CertificateId, thing!.CertificateIds);
            var certificate = await cloud.Emulator.Certificates.GetAsync(device.CertificateId);
            Assert.Equal(CertificateStatus.Active, certificate!.Status);
            Assert.Equal(CertificateKind.Device, certificate.Kind);
            Assert.NotEqual(cloud.Claim.CertificateId, device.CertificateId);
        }

        [Fact]
        public async Task NextBoot_ConnectsStraightAsTheThingFromFlash()
        {
            await using var cloud = await E2eCloud.StartAsync();
            string image = cloud.BuildImage(2);
            string certificateId;
            using (var first = new VirtualDevice(image, E2eCloud.FastOptions("dev-02")))
            {
                Assert.Equal(DeviceRunOutcome.Operational, first.Boot(false, CancellationToken.None));
                certificateId = first.CertificateId;
            }

            // A new virtual device over the same image file, as after a power cycle: the record survived on "flash".
            using var second = new VirtualDevice(image, E2eCloud.FastOptions("dev-02"));
            var steps = new StepRecorder(second);

            Assert.Equal(DeviceRunOutcome.Operational, second.Boot(false, CancellationToken.None));

            Assert.Equal(0, second.Reboots);
            Assert.Equal(certificateId, second.CertificateId);
            Assert.DoesNotContain("ConnectingWithClaim", steps.Steps);
            Assert.Equal(1, await cloud.Emulator.Things.CountAsync());
        }

        [Fact]
        public async Task Heartbeat_PublishedAsTheThing()
        {
            await using var cloud = await E2eCloud.StartAsync();
            using var device = new VirtualDevice(cloud.BuildImage(3), E2eCloud.FastOptions("dev-03"));
            Assert.Equal(DeviceRunOutcome.Operational, device.Boot(false, CancellationToken.None));

            // The thing's policy allows only its own topics, and the broker closes the connection of a
            // client that publishes elsewhere (as AWS does): a second heartbeat proves the first was allowed.
            Assert.Equal(NanoFleet.Hal.HalStatus.Success, device.PublishHeartbeat());
            Thread.Sleep(300);
            Assert.True(device.IsConnected);
            Assert.Equal(NanoFleet.Hal.HalStatus.Success, device.PublishHeartbeat());
        }

        /// <summary>
        /// A device that makes its own key pair provisions through CreateCertificateFromCsr: its
        /// certificate carries the device's key (EC P-256, where the emulator's CreateKeysAndCertificate
        /// makes RSA-2048), and the cloud never made a key for it.
        /// </summary>
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
