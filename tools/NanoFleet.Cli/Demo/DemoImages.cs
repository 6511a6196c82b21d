using System.IO;
using System.Text;
using NanoFleet.Cli.Device;
using NanoFleet.Cloud;
using NanoFleet.Provisioning;
using NanoFleet.Station.Partitions;

namespace NanoFleet.Cli.Demo
{
    /// <summary>
    /// Factory images for demo devices: the emulator's CA and claim, the demo template, serial
    /// NF000i and MAC 02:4e:46:00:00:0i for device i. Shared by the demo, the end-to-end tests and
    /// the end-to-end benchmark.
    /// </summary>
    internal static class DemoImages
    {
        /// <summary>Writes the flash image of device <paramref name="index"/> (1-based) to <paramref name="path"/>.</summary>
        /// <param name="path">The image file to write.</param>
        /// <param name="table">The partition table (from partitions.csv).</param>
        /// <param name="emulator">The running emulator (CA).</param>
        /// <param name="claim">The claim the emulator issued.</param>
        /// <param name="index">Device number, 1-based.</param>
        /// <param name="format">Provisioning API payload format.</param>
        /// <param name="port">Broker port to store in the claim (the emulator's, or a proxy's in front of it).</param>
        public static void Write(string path, PartitionTable table, FleetEmulator emulator, ClaimCredentials claim, int index, FpFormat format, int port)
        {
            var deviceClaim = new ProvisioningClaim
            {
                CaPem = Encoding.UTF8.GetBytes(emulator.CaCertificatePem),
                CertificatePem = Encoding.UTF8.GetBytes(claim.CertificatePem),
                PrivateKeyPem = Encoding.UTF8.GetBytes(claim.PrivateKeyPem),
                EndpointHost = "127.0.0.1",
                EndpointPort = port,
                TemplateName = claim.TemplateName,
                Format = format,
            };
            deviceClaim.Parameters.Set("SerialNumber", DemoFleet.SerialNumber(index));
            File.WriteAllBytes(path, DeviceImageBuilder.Build(table, ClaimImages.Build(deviceClaim), DemoFleet.MacAddress(index)));
        }
    }
}
