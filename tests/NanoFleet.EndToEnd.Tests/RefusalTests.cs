using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Device;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests
{
    /// <summary>The cloud says no: the device must back off and stay unprovisioned, its flash untouched.</summary>
    public sealed class RefusalTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

        [Fact]
        public async Task HookDenies_DeviceBacksOffAndIsNotProvisioned()
        {
            await using var cloud = await E2eCloud.StartAsync(allowedSerials: new[] { "NF9999" });
            string image = cloud.BuildImage(1);

            var (outcome, steps) = BootUntil(image, s => s.Count("RegisteringThing") >= 1 && s.Last == "BackingOff");

            Assert.Equal(DeviceRunOutcome.Stopped, outcome);
            Assert.True(cloud.Hook!.Requests >= 1, "the hook was never asked");
            Assert.All(cloud.Rejections, r => Assert.StartsWith("RegisterThing ", r));
            Assert.NotEmpty(cloud.Rejections);
            Assert.Equal(0, await cloud.Emulator.Things.CountAsync());
            Assert.Equal(0, steps.Count("Persisting"));
            Assert.True(CredentialsErased(image), "the credential partition was written although provisioning was denied");
        }

        [Fact]
        public async Task ClaimRevoked_DeviceBacksOffAndIsNotProvisioned()
        {
            await using var cloud = await E2eCloud.StartAsync();
            string image = cloud.BuildImage(1);
            Assert.True(await cloud.Emulator.Claims.RevokeAsync(cloud.Claim.CertificateId));

            var (outcome, steps) = BootUntil(image, s => s.Count("ConnectingWithClaim") >= 1 && s.Last == "BackingOff");

            Assert.Equal(DeviceRunOutcome.Stopped, outcome);
            Assert.Equal(0, steps.Count("RequestingCertificate"));
            Assert.Equal(0, await cloud.Emulator.Things.CountAsync());
            Assert.True(CredentialsErased(image));
        }

        private static (DeviceRunOutcome Outcome, StepRecorder Steps) BootUntil(string image, Func<StepRecorder, bool> reached)
        {
            using var stop = new CancellationTokenSource(Patience);
            using var device = new VirtualDevice(image, E2eCloud.FastOptions("dev-01"));
            var steps = new StepRecorder(device);
            device.StepChanged += (_, _) =>
            {
                if (reached(steps))
                {
                    stop.Cancel();
                }
            };
            var outcome = device.Boot(false, stop.Token);
            Assert.True(reached(steps), "the device never reached the expected state: " + string.Join(",", steps.Steps));
            return (outcome, steps);
        }

        private static bool CredentialsErased(string image)
        {
            using var opened = DeviceImage.Open(image);
            var row = opened.Table.Find(DeviceImage.CredentialsLabel)!;
            byte[] bytes = File.ReadAllBytes(image).AsSpan((int)row.Offset, (int)row.Size).ToArray();
            return bytes.All(b => b == 0xFF);
        }
    }
}
