using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli;
using NanoFleet.Cli.Device;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Hal.Host.Serial;
using NanoFleet.Provisioning.Transfer;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.TrustedUser
{
    /// <summary>What the waiting device answers over the pty to frames it must refuse, and the installer facing a silent port.</summary>
    public sealed class ClaimTransferRefusalTests
    {
        [Fact]
        public async Task CorruptFrame_IsNackedBadCrc_KeyOfAnotherCertificate_IsNackedKeyMismatch_ThenAGoodClaimIsReceived()
        {
            await using var rig = await TrustedUserRig.StartAsync();
            rig.BootDevice();
            using var host = new SerialPortLine(rig.Pty.HostPath);
            var receiver = new TransferReceiver(new byte[TransferFrame.MaxFrameLength]);
            var claim = await rig.Cloud.Emulator.Claims.CreateTemporaryAsync(NanoFleet.Cli.Demo.DemoTemplate.Name);

            byte[] good = Frame(claim.CertificatePem, claim.PrivateKeyPem, 1);
            byte[] corrupt = (byte[])good.Clone();
            corrupt[good.Length / 2] ^= 0x40;
            Assert.True(host.Write(corrupt, 0, corrupt.Length) == Hal.HalStatus.Success);
            TransferFrame nack = Next(host, receiver, TransferMessages.Nack);
            Assert.Equal(1, nack.Sequence);
            Assert.Equal(TransferStatus.Success, TransferFrameReader.ReadByte(nack, TransferFields.Reason, out byte reason));
            Assert.Equal(TransferReasons.BadCrc, reason);

            using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            byte[] mismatched = Frame(claim.CertificatePem, otherKey.ExportPkcs8PrivateKeyPem(), 2);
            host.Write(mismatched, 0, mismatched.Length);
            nack = Next(host, receiver, TransferMessages.Nack);
            Assert.Equal(2, nack.Sequence);
            TransferFrameReader.ReadByte(nack, TransferFields.Reason, out reason);
            Assert.Equal(TransferReasons.KeyMismatch, reason);

            byte[] resent = Frame(claim.CertificatePem, claim.PrivateKeyPem, 3);
            host.Write(resent, 0, resent.Length);
            Assert.Equal(3, Next(host, receiver, TransferMessages.Received).Sequence);
            TransferFrame thing = Next(host, receiver, TransferMessages.Thing);
            TransferFrameReader.ReadText(thing, TransferFields.ThingName, out string thingName);
            Assert.Equal(E2eCloud.ThingOf(1), thingName);
            Assert.Equal(DeviceRunOutcome.Operational, rig.DeviceOutcome());
        }

        [Fact]
        public async Task NoDeviceOnThePort_InstallerExits3_AfterItsHelloTimeout()
        {
            await using var rig = await TrustedUserRig.StartAsync(); // the device is never booted: nothing says HELLO

            CliResult result = await Task.Run(() => CliRun.Run("installer", "claim", "--template", NanoFleet.Cli.Demo.DemoTemplate.Name, "--port", rig.Pty.HostPath,
                "--endpoint", rig.ControlPlaneUrl.ToString(), "--profile-file", rig.ProfileFileFor(DefaultIdentities.Installer), "--hello-timeout", "2"));

            Assert.True(result.Code == ExitCodes.DeviceError, $"exit {result.Code}\n{result.Out}\n{result.Err}");
            Assert.Contains("no HELLO", result.Out);
            Assert.DoesNotContain("SENT", result.Out);
        }

        private static byte[] Frame(string certificatePem, string keyPem, byte sequence)
        {
            var claim = new TemporaryClaim
            {
                CertificatePem = Encoding.UTF8.GetBytes(certificatePem),
                PrivateKeyPem = Encoding.UTF8.GetBytes(keyPem),
                TemplateName = NanoFleet.Cli.Demo.DemoTemplate.Name,
                ExpiresUnixSeconds = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(),
            };
            var buffer = new byte[TransferFrame.MaxFrameLength];
            Assert.Equal(TransferStatus.Success, ClaimMessage.Write(buffer, 0, buffer.Length, sequence, claim, out int written));
            return buffer.AsSpan(0, written).ToArray();
        }

        // The next frame of `type` from the device (HELLOs and steps in between are skipped), within a generous deadline.
        private static TransferFrame Next(SerialPortLine host, TransferReceiver receiver, byte type)
        {
            var frame = new TransferFrame();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                TransferStatus status;
                while ((status = receiver.Next(frame)) != TransferStatus.NeedMoreData)
                {
                    if (status == TransferStatus.Success && frame.Type == type)
                    {
                        return frame;
                    }
                }

                Assert.True(receiver.Receive(host, 200) >= 0, "the pty closed");
            }

            throw new TimeoutException("no " + TransferMessages.NameOf(type) + " from the device in 60 s");
        }
    }
}
