using System.IO;
using System.Threading.Tasks;
using NanoFleet.Cloud;
using NanoFleet.Station.Jitp;

namespace NanoFleet.Cli.Demo
{
    /// <summary>
    /// A factory CA registered with the emulator for JITP, and the station's --jitp-ca directory for it. Shared by the
    /// demo, `nanofleet cloud ca register` and the end-to-end tests.
    /// </summary>
    internal static class JitpFactory
    {
        /// <summary>Registers <paramref name="ca"/> as AWS does it: the registration code, a verification certificate signed by
        /// the CA, then RegisterCACertificate with auto-registration and <see cref="JitpTemplate"/> (or <paramref name="templateBody"/>).</summary>
        public static async Task<CaCertificateInfo> RegisterAsync(FleetEmulator emulator, FactoryCa ca, bool active = true, string? templateBody = null)
        {
            string code = await emulator.CaCertificates.GetRegistrationCodeAsync();
            return await emulator.CaCertificates.RegisterAsync(ca.CertificatePem, ca.SignVerification(code), active, allowAutoRegistration: true,
                new RegistrationConfig(templateBody ?? JitpTemplate.Body, null, "arn:aws:iam::123456789012:role/JITPRole"));
        }

        /// <summary>Writes the station's --jitp-ca directory: ca.pem and ca.key (owner-only) of <paramref name="files"/>, the
        /// server CA devices trust and endpoint.txt.</summary>
        public static void WriteStationDirectory(string directory, FactoryCaFiles files, string serverCaPem, string endpoint)
        {
            Commands.OutputFiles.WriteTogether(directory, new[]
            {
                new Commands.OutputFile("ca.pem", files.CaPem),
                new Commands.OutputFile("ca.key", files.CaKeyPem, Secret: true),
                new Commands.OutputFile("server-ca.pem", serverCaPem),
                new Commands.OutputFile("endpoint.txt", endpoint + "\n"),
            }, overwrite: false);
        }
    }
}
