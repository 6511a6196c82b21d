using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NanoFleet.Cli;
using NanoFleet.Cli.Demo;
using NanoFleet.Cli.Device;
using NanoFleet.Cli.Installer;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Hal.Host.Serial;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.TrustedUser
{
    /// <summary>
    /// Provisioning by a trusted user, end to end: installer → socat pty pair → virtual device → emulator
    /// (mTLS broker, SigV4 control plane with IAM).
    /// </summary>
    public sealed class TrustedUserTests
    {
        [Fact]
        public async Task InstallerHandsOverAClaim_DeviceProvisionsAsItsThing_AndTheClaimNeverTouchesFlash()
        {
            await using var rig = await TrustedUserRig.StartAsync();
            rig.BootDevice();
            using var client = rig.ClientAs(DefaultIdentities.Installer);
            var source = new RecordingClaimSource(new ControlPlaneClaimSource(client));
            using var hostLine = new SerialPortLine(rig.Pty.HostPath);
            var installer = rig.Installer(hostLine, source);

            InstallOutcome outcome = await installer.RunAsync(DemoTemplate.Name, CancellationToken.None);

            Assert.Equal(InstallOutcome.Provisioned, outcome);
            Assert.Equal(E2eCloud.ThingOf(1), installer.ThingName);
            Assert.Equal(DemoFleetMac, installer.DeviceMac);
            Assert.Equal(DeviceRunOutcome.Operational, rig.DeviceOutcome());
            Assert.Equal(E2eCloud.ThingOf(1), rig.Device.ThingName);
            ClaimGrant claim = source.Last!;
            Assert.NotEqual(claim.CertificateId, rig.Device.CertificateId);
            Assert.NotNull(await rig.Cloud.Emulator.Things.GetAsync(E2eCloud.ThingOf(1)));

            rig.Device.Dispose(); // closes the image file before it is read whole
            byte[] flash = File.ReadAllBytes(rig.ImagePath);
            foreach (var (what, bytes) in ClaimForms(claim))
            {
                Assert.True(flash.AsSpan().IndexOf(bytes) < 0, $"the temporary claim's {what} is in the flash image");
            }
        }

        [Fact]
        public async Task ClaimExpiresBeforeTheDeviceConnects_DeviceReportsClaimExpired_InstallerExits10_DeviceWaitsForANewOne()
        {
            var cloudTime = new FakeTimeProvider(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.Zero };
            await using var rig = await TrustedUserRig.StartAsync(b => b.WithTimeProvider(cloudTime));
            // The emulator's clock passes the claim's five minutes as the device starts its connect with it.
            var steps = new StepRecorder(rig.Device).OnFirst("ConnectingWithClaim", () => cloudTime.Advance(TimeSpan.FromMinutes(6)));
            using var waitingAgain = new ManualResetEventSlim();
            int waits = 0;
            rig.Device.StepChanged += (_, e) =>
            {
                if (e.Step == "AwaitingClaim" && Interlocked.Increment(ref waits) == 2)
                {
                    waitingAgain.Set();
                }
            };
            rig.BootDevice();

            CliResult result = await Task.Run(() => CliRun.Run("installer", "claim", "--template", DemoTemplate.Name, "--port", rig.Pty.HostPath,
                "--endpoint", rig.ControlPlaneUrl.ToString(), "--profile-file", rig.ProfileFileFor(DefaultIdentities.Installer), "--hello-timeout", "60"));

            Assert.True(result.Code == ExitCodes.ClaimExpired, $"exit {result.Code}\n{result.Out}\n{result.Err}");
            Assert.Contains("CLAIM_EXPIRED", result.Out);
            Assert.Contains("RECEIVED", result.Out);
            Assert.True(waitingAgain.Wait(TimeSpan.FromSeconds(60)), "the device did not go back to waiting for a claim: " + string.Join(",", steps.Steps));
            Assert.Equal(1, steps.Count("ConnectingWithClaim")); // refused once, never retried with that claim
            Assert.Empty(await rig.Cloud.Emulator.Things.ListAsync());
        }

        [Fact]
        public async Task InstallerWithoutCreateProvisioningClaim_IsDenied_Exits12_AndNothingReachesTheDevice()
        {
            await using var rig = await TrustedUserRig.StartAsync();
            rig.Cloud.Emulator.Identities.Create("intern",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:DescribeThing\",\"Resource\":\"*\"}]}");
            var steps = new StepRecorder(rig.Device);
            rig.BootDevice();

            CliResult result = await Task.Run(() => CliRun.Run("installer", "claim", "--template", DemoTemplate.Name, "--port", rig.Pty.HostPath,
                "--endpoint", rig.ControlPlaneUrl.ToString(), "--profile-file", rig.ProfileFileFor("intern")));

            result.AssertOneLineError(ExitCodes.AccessDenied, "AccessDeniedException", "nothing was sent");
            Assert.DoesNotContain("SENT", result.Out);
            Assert.Equal(new[] { "Booting", "AwaitingClaim" }, steps.Steps);
        }

        private static string DemoFleetMac => NanoFleet.Cli.Demo.DemoFleet.MacAddress(1);

        // Every form the claim could take in flash: the PEM texts, the certificate's DER, the key's PKCS#8 DER and raw scalar.
        private static (string What, byte[] Bytes)[] ClaimForms(ClaimGrant claim)
        {
            using var certificate = X509Certificate2.CreateFromPem(claim.CertificatePem);
            using var key = ECDsa.Create();
            key.ImportFromPem(claim.PrivateKeyPem);
            return new[]
            {
                ("certificate PEM", Encoding.UTF8.GetBytes(claim.CertificatePem.Trim())),
                ("certificate DER", certificate.RawData),
                ("key PEM", Encoding.UTF8.GetBytes(claim.PrivateKeyPem.Trim())),
                ("key PKCS#8 DER", key.ExportPkcs8PrivateKey()),
                ("key scalar", key.ExportParameters(true).D!),
            };
        }
    }
}
