using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud;
using NanoFleet.Cloud.ControlPlane.Operations;
using NanoFleet.Station.Jitp;

namespace NanoFleet.Cli.Demo
{
    /// <summary>
    /// A factory CA registered with the emulator for JITP, and the station's --jitp-ca directory for it. Shared by the
    /// demo, `nanofleet cloud ca register` and the end-to-end tests.
    /// </summary>
    internal static class JitpFactory
    {
        /// <summary>The provisioning role recorded with the CA (AWS assumes it to run the template; the emulator records it).</summary>
        public const string RoleArn = "arn:aws:iam::123456789012:role/NanoFleetJitpRole";

        /// <summary>Registers <paramref name="ca"/> as AWS does it, in-process: see <see cref="RegisterThroughAsync"/>.</summary>
        public static async Task<CaCertificateInfo> RegisterAsync(FleetEmulator emulator, FactoryCa ca, bool active = true, string? templateBody = null)
        {
            var table = ControlPlaneOperations.Build(emulator);
            string id = await RegisterThroughAsync((method, path, body) => table.DispatchAsync(method, path, body, "nanofleet"), ca, active, templateBody);
            return (await emulator.CaCertificates.GetAsync(id))!;
        }

        /// <summary>
        /// The AWS sequence over any transport of AWS IoT control-plane calls: GetRegistrationCode, a verification certificate
        /// signed by the CA with that code as its CommonName, then RegisterCACertificate with auto-registration and
        /// <see cref="JitpTemplate"/> (or <paramref name="templateBody"/>) as registrationConfig.
        /// </summary>
        /// <param name="call">Sends (method, path?query, body) and returns AWS's response body.</param>
        /// <returns>The CA certificate id.</returns>
        public static async Task<string> RegisterThroughAsync(Func<string, string, JsonObject?, Task<JsonObject?>> call, FactoryCa ca, bool active, string? templateBody)
        {
            string code = (string)(await call("GET", "/registrationcode", null))!["registrationCode"]!;
            var body = new JsonObject
            {
                ["caCertificate"] = ca.CertificatePem,
                ["verificationCertificate"] = ca.SignVerification(code),
                ["registrationConfig"] = new JsonObject { ["templateBody"] = templateBody ?? JitpTemplate.Body, ["roleArn"] = RoleArn },
            };
            var registered = await call("POST", $"/cacertificate?setAsActive={(active ? "true" : "false")}&allowAutoRegistration=true", body);
            return (string)registered!["certificateId"]!;
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
