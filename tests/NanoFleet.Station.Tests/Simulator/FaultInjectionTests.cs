using System;
using System.Collections.Generic;
using NanoFleet.Station.Operations;
using NanoFleet.Station.Rom;
using NanoFleet.Station.Simulator;
using NanoFleet.Station.Targets;
using Xunit;

namespace NanoFleet.Station.Tests.Simulator
{
    /// <summary>
    /// Every injected fault ends in a verified device (after retries) or a clear failure; never in a
    /// device whose flash differs from the image while the station says success.
    /// </summary>
    public class FaultInjectionTests
    {
        private static readonly TimeSpan QuickTimeout = TimeSpan.FromMilliseconds(300);

        public static IEnumerable<object[]> Faults() => new[]
        {
            new object[] { "noise", new SimulatorFaults { LineNoise = 0.06, Seed = 11 } },
            new object[] { "dropped", new SimulatorFaults { DroppedBytes = 0.06, Seed = 12 } },
            new object[] { "timeouts", new SimulatorFaults { Timeouts = 0.03, Seed = 13 } },
            new object[] { "garbage", new SimulatorFaults { ReplyGarbage = 0.2, Seed = 14 } },
        };

        [Theory]
        [MemberData(nameof(Faults))]
        public void Write_UnderFault_RetriesOrFailsClearly_NeverSilentlyBad(string name, SimulatorFaults faults)
        {
            using var device = new SimulatedDevice(faults);
            byte[] image = PtyFlashTests.AppLike(80_000, name.Length);
            var retries = new List<string>();
            try
            {
                EspTarget target = device.Connect();
                var writer = new FlashWriter(target) { Compress = name != "dropped", BlockTimeout = QuickTimeout };
                writer.Retried += (_, reason) => retries.Add(reason);
                writer.WriteAll(new[] { new FlashRegion("factory", 0x10000, image) });

                // Success claimed: the flash must hold exactly the image.
                Assert.Equal(image, device.ReadFlash(0x10000, image.Length));
            }
            catch (EspFatalException ex)
            {
                Assert.StartsWith("Failed to", ex.Message);
            }

            Assert.True(device.Host.Simulator.FaultsInjected > 0, $"{name}: no fault was injected");
        }

        [Fact]
        public void Write_Timeouts_AreRetried_AndReported()
        {
            using var device = new SimulatedDevice(new SimulatorFaults { Timeouts = 0.05, Seed = 5 });
            EspTarget target = device.Connect();
            var writer = new FlashWriter(target) { Compress = false, BlockTimeout = QuickTimeout };
            var retries = new List<string>();
            writer.Retried += (_, reason) => retries.Add(reason);
            byte[] image = PtyFlashTests.AppLike(30_000, 2);

            writer.WriteAll(new[] { new FlashRegion("factory", 0x10000, image) });

            Assert.NotEmpty(retries);
            Assert.Contains(retries, r => r.Contains("Timed out"));
            Assert.Equal(image, device.ReadFlash(0x10000, image.Length));
        }

        [Fact]
        public void Write_UnpluggedMidWrite_FailsClearly_FlashNotComplete()
        {
            using var device = new SimulatedDevice(new SimulatorFaults { UnplugAfterFlashBytes = 10_000 });
            EspTarget target = device.Connect();
            var writer = new FlashWriter(target) { Compress = false, BlockTimeout = QuickTimeout };
            byte[] image = PtyFlashTests.AppLike(30_000, 4);

            var ex = Assert.ThrowsAny<EspFatalException>(() => writer.WriteAll(new[] { new FlashRegion("factory", 0x10000, image) }));

            Assert.True(device.Host.Simulator.Unplugged);
            Assert.StartsWith("Failed to", ex.Message);
            Assert.NotEqual(image, device.ReadFlash(0x10000, image.Length));
        }
    }
}
