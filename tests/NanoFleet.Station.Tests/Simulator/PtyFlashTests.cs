using System;
using NanoFleet.Station.Operations;
using NanoFleet.Station.Rom;
using NanoFleet.Station.Targets;
using Xunit;

namespace NanoFleet.Station.Tests.Simulator
{
    /// <summary>The station's loader against the simulated ROM through a real socat pty pair.</summary>
    public class PtyFlashTests
    {
        internal static byte[] AppLike(int size, int seed)
        {
            // Half text-like (compressible), half random: roughly a firmware image's 2:1 ratio.
            var random = new Random(seed);
            var data = new byte[size];
            random.NextBytes(data);
            for (int i = 0; i < size; i += 64)
            {
                for (int j = i; j < Math.Min(size, i + 32); j++)
                {
                    data[j] = (byte)"nanoFramework CLR"[(j / 3) % 17];
                }
            }

            return data;
        }

        [Fact]
        public void Connect_DetectsEsp32_ReadsMacAndRevision()
        {
            using var device = new SimulatedDevice(revision: 301);
            EspTarget target = device.Connect();

            Assert.IsType<Esp32Target>(target);
            Assert.Equal(SimulatedDevice.DefaultMac, target.ReadMac());
            Assert.Equal(301, target.ReadChipRevision());
        }

        [Fact]
        public void Connect_OtherChip_RefusedByName()
        {
            using var device = new SimulatedDevice(magic: 0x1B31506F);
            var ex = Assert.Throws<EspFatalException>(() => Connector.Connect(device.Link));
            Assert.Contains("ESP32-C3", ex.Message);
        }

        [Fact]
        public void Connect_LaterChipAnsweringSecurityInfo_RefusedByName()
        {
            using var device = new SimulatedDevice(magic: 0x2CE0806F, securityInfoChipId: 13);
            var ex = Assert.Throws<EspFatalException>(() => Connector.Connect(device.Link));
            Assert.Contains("ESP32-C6 (chip id 13)", ex.Message);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Write_CompressedOrRaw_FlashHoldsImageAndMd5Verified(bool compress)
        {
            using var device = new SimulatedDevice();
            EspTarget target = device.Connect();
            byte[] image = AppLike(50_001, 7);
            var writer = new FlashWriter(target) { Compress = compress };
            long lastDone = 0;
            writer.ProgressChanged += (_, e) => lastDone = e.Stage.StartsWith("write") ? e.Done : lastDone;

            RegionWriteResult result = writer.Write(new FlashRegion("factory", 0x10000, image));

            Assert.Equal(image, device.ReadFlash(0x10000, image.Length));
            Assert.Equal(compress, result.Compressed);
            Assert.Equal(compress, result.WireBytes < image.Length);
            Assert.Equal(50_004, result.Size);
            Assert.Equal(result.Size, lastDone);
        }

        [Fact]
        public void ChangeBaud_BothEndsFollow_WriteStillWorks()
        {
            using var device = new SimulatedDevice();
            EspTarget target = device.Connect();
            target.ChangeBaud(921600);

            Assert.Equal(921600, device.Host.Simulator.Baud);
            Assert.Equal(921600, device.Port.BaudRate);
            new FlashWriter(target).Write(new FlashRegion("nvs", 0x9000, AppLike(4096, 3)));
        }

        [Fact]
        public void Write_SilentFlashCorruption_CaughtByMd5()
        {
            using var device = new SimulatedDevice(new Station.Simulator.SimulatorFaults { SilentCorruptionAddress = 0x10000 + 777 });
            EspTarget target = device.Connect();

            var ex = Assert.Throws<EspFatalException>(() =>
                new FlashWriter(target).Write(new FlashRegion("factory", 0x10000, AppLike(8192, 1))));
            Assert.Contains("Failed to verify factory at 0x10000", ex.Message);
        }
    }
}
