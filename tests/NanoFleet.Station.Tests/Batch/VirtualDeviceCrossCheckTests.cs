using System;
using System.IO;
using System.Linq;
using NanoFleet.Hal;
using NanoFleet.Hal.Host.Flash;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Partitions;
using NanoFleet.Station.Records;
using NanoFleet.Station.Tests.Simulator;
using Xunit;

namespace NanoFleet.Station.Tests.Batch
{
    /// <summary>
    /// The flash image file a simulated device was written through by the station is a device image:
    /// reopened from disk, its table at 0x8000 locates the claim as the firmware locates it, the claim
    /// parses with the firmware's own reader, and the credential store is blank (so it provisions).
    /// </summary>
    public class VirtualDeviceCrossCheckTests
    {
        [Fact]
        public void StationFlashedImageFile_ReadsAsTheFirmwareReadsIt()
        {
            using var fixture = new StationFixture(0);
            string imageFile = Path.Combine(fixture.Directory, "dut.bin");
            DeviceRecord record;
            using (var device = new SimulatedDevice(imageFile: imageFile))
            {
                fixture.Devices.Add(device);
                record = new StationRunner(fixture.Options()).Run().Single();
                fixture.Devices.Clear();
            }

            Assert.Equal(DeviceResult.Ok, record.Result);
            using NorFlash chip = NorFlash.OpenFile(imageFile, 0x400000);
            byte[] tableBytes = new byte[0xC00];
            Assert.Equal(HalStatus.Success, chip.Read(0x8000, tableBytes, 0, tableBytes.Length));
            var table = PartitionTable.FromBinary(tableBytes, imageFile);
            var flash = new HostFlash(chip, table.Rows.Select(r => new FlashPartition(r.Name, (int)r.Offset, (int)r.Size)));

            var claim = new ProvisioningClaim();
            Assert.Equal(FpStatus.Success, ClaimPartition.Read(flash.Open("esp_secure_cert")!, claim, out string error));
            Assert.Equal(record.Serial, claim.Parameters.Get("SerialNumber"));
            Assert.Equal("fleet-tpl", claim.TemplateName);
            Assert.Equal("localhost", claim.EndpointHost);

            IFlashRegion creds = flash.Open("nf_creds")!;
            var blank = new byte[creds.Size];
            Assert.Equal(HalStatus.Success, creds.Read(0, blank, 0, blank.Length));
            Assert.All(blank, b => Assert.Equal(0xFF, b));
        }
    }
}
