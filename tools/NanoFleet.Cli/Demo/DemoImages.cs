using System.IO;
using NanoFleet.Cli.Device;
using NanoFleet.Cloud;
using NanoFleet.Provisioning;
using NanoFleet.Station.Claim;
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
            byte[] claimImage = new ClaimImageBuilder()
                .WithCaPem(emulator.CaCertificatePem)
                .WithClaimCertificatePem(claim.CertificatePem)
                .WithClaimKeyPem(claim.PrivateKeyPem)
                .WithEndpoint("127.0.0.1", port)
                .WithTemplate(claim.TemplateName)
                .WithFormat(format)
                .WithParameter("SerialNumber", DemoFleet.SerialNumber(index))
                .Build().Bytes;
            File.WriteAllBytes(path, DeviceImageBuilder.Build(table, claimImage, DemoFleet.MacAddress(index)));
        }

        /// <summary>
        /// Writes a trusted-user image of device <paramref name="index"/>: the CA, endpoint, template and serial, but no
        /// claim; the device waits on its serial line for an installer's temporary claim.
        /// </summary>
        public static void WriteAwaitingClaim(string path, PartitionTable table, FleetEmulator emulator, string templateName, int index, int port)
        {
            byte[] claimImage = new ClaimImageBuilder()
                .WithCaPem(emulator.CaCertificatePem)
                .WithoutClaim()
                .WithEndpoint("127.0.0.1", port)
                .WithTemplate(templateName)
                .WithParameter("SerialNumber", DemoFleet.SerialNumber(index))
                .Build().Bytes;
            File.WriteAllBytes(path, DeviceImageBuilder.Build(table, claimImage, DemoFleet.MacAddress(index)));
        }
    }
}
