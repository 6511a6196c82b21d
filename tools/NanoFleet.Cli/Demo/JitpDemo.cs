using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using NanoFleet.Cli.Device;
using NanoFleet.Cloud;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Jitp;
using NanoFleet.Station.Partitions;

namespace NanoFleet.Cli.Demo
{
    /// <summary>`nanofleet demo --flow jitp`: a factory CA made in the workspace and registered with the JITP template, and
    /// one image per device with its own certificate (CN = its serial number) and no claim.</summary>
    internal static class JitpDemo
    {
        public static async Task<List<DeviceProgress>> BuildImagesAsync(string workspace, FleetEmulator emulator, int count, IDemoView view)
        {
            string directory = Path.Combine(workspace, "factory-ca");
            JitpFactory.WriteStationDirectory(directory, FactoryCa.Create("NanoFleet Demo Factory"), emulator.CaCertificatePem, $"127.0.0.1:{emulator.Port}");
            using var factory = JitpCaDirectory.Load(directory);
            var ca = await JitpFactory.RegisterAsync(emulator, factory.Ca);
            view.Stage($"Factory CA '{factory.Ca.Subject}' registered ({Commands.DeviceCommand.Short(ca.Id)}, ACTIVE, auto-registration on) with a JITP template naming things by the certificate's CommonName");
            PartitionTable table = DefaultPartitions.Load(null);
            return DemoFleet.BuildImages(workspace, count, (path, i) =>
            {
                byte[] secureCert = factory.Builder(DemoFleet.SerialNumber(i)).Builder.Build().Bytes;
                File.WriteAllBytes(path, DeviceImageBuilder.Build(table, secureCert, DemoFleet.MacAddress(i)));
            });
        }
    }
}
