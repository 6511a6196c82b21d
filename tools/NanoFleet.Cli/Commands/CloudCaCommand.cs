using System;
using System.CommandLine;
using System.IO;
using NanoFleet.Cli.Demo;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Jitp;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet cloud ca create|register`: a factory CA for just-in-time provisioning, and its registration.</summary>
    internal static class CloudCaCommand
    {
        public static Command Create()
        {
            var ca = new Command("ca",
                "Factory CAs for just-in-time provisioning (JITP): each device gets its own certificate from the factory CA,\n" +
                "and the device's first connection registers it and runs the CA's JITP template.\n" +
                "Example: nanofleet cloud ca create factory-ca --name \"Acme Line 1\" --server-ca .nanofleet-cloud/ca.crt --endpoint 127.0.0.1:8883\n" +
                "         nanofleet cloud ca register factory-ca\n" +
                "         nanofleet station run --ports /dev/ttyUSB0 --jitp-ca factory-ca --serial-prefix NF-");
            ca.Subcommands.Add(CreateCommand());
            ca.Subcommands.Add(RegisterCommand());
            return ca;
        }

        private static Command CreateCommand()
        {
            var dir = new Argument<string>("DIR") { Description = "Directory to write (made if missing; existing files are never overwritten)." };
            var name = new Option<string>("--name") { Description = "Names the CAs (\"NAME Root CA\", \"NAME Issuing CA\").", Required = true };
            var serverCa = new Option<string>("--server-ca") { Description = "The CA devices trust for the broker (AmazonRootCA1.pem, or the emulator's ca.crt); copied to server-ca.pem.", Required = true };
            var endpoint = new Option<string>("--endpoint") { Description = "The broker as HOST[:PORT], written to endpoint.txt.", Required = true };
            var command = new Command("create",
                "Make a factory PKI (EC P-256): root.pem/root.key (keep offline) and the issuing CA ca.pem/ca.key that signs the\n" +
                "devices and is registered with AWS IoT, plus server-ca.pem and endpoint.txt: everything `station run --jitp-ca DIR`\n" +
                "reads. Keys are written owner-only. The issuing CA is an intermediate so that any TLS stack sends it in the chain.")
            {
                dir, name, serverCa, endpoint,
            };
            command.SetAction(r =>
            {
                string directory = r.GetValue(dir)!;
                foreach (string existing in new[] { "ca.pem", "ca.key", "root.pem", "root.key", "server-ca.pem", "endpoint.txt" })
                {
                    if (File.Exists(Path.Combine(directory, existing)))
                    {
                        throw new CliException(ExitCodes.BadInput, $"{Path.Combine(directory, existing)} already exists: a factory CA is never overwritten; give a new DIR");
                    }
                }

                string serverCaPem = OutputFiles.ReadText(r.GetValue(serverCa)!, "--server-ca");
                var files = FactoryCa.Create(r.GetValue(name)!);
                JitpFactory.WriteStationDirectory(directory, files, serverCaPem, r.GetValue(endpoint)!);
                OutputFiles.WriteTogether(directory, new[] { new OutputFile("root.pem", files.RootPem), new OutputFile("root.key", files.RootKeyPem, Secret: true) }, overwrite: false);
                Console.WriteLine($"factory CA written to {Path.GetFullPath(directory)}: ca.pem, ca.key, root.pem, root.key (keys owner-only), server-ca.pem, endpoint.txt");
                return ExitCodes.Success;
            });
            return command;
        }

        private static Command RegisterCommand()
        {
            var data = CloudCommand.DataOption();
            var dir = new Argument<string>("DIR") { Description = "A directory made by `cloud ca create` (reads ca.pem and ca.key)." };
            var inactive = new Option<bool>("--inactive") { Description = "Register it INACTIVE (no device is registered until it is set ACTIVE)." };
            var templateFile = new Option<FileInfo?>("--template-file") { Description = "A JITP template body instead of NanoFleet's (thing named by the certificate's CommonName)." };
            var command = new Command("register",
                "Register the factory CA with the emulator as AWS does it (through a running emulator's control plane, as the operator):\n" +
                "GetRegistrationCode, a verification certificate signed by the CA with the code as CommonName, then\n" +
                "RegisterCACertificate with auto-registration and the JITP template.\n" +
                "On AWS: `aws iot get-registration-code`, then `aws iot register-ca-certificate --ca-certificate file://ca.pem\n" +
                "--verification-cert file://verification.pem --set-as-active --allow-auto-registration --registration-config file://jitp.json`.")
            {
                data, dir, inactive, templateFile,
            };
            command.SetAction(async (r, ct) =>
            {
                using var directory = JitpCaDirectory.Load(r.GetValue(dir)!);
                string? body = r.GetValue(templateFile) is { } file ? await File.ReadAllTextAsync(file.FullName, ct) : null;
                bool active = !r.GetValue(inactive);
                string id;
                try
                {
                    id = await CloudTarget.RunAsync(r.GetValue(data)!,
                        (client, _) => JitpFactory.RegisterThroughAsync((method, path, json) => client.SendAsync(method, path, json, ct), directory.Ca, active, body),
                        CloudTarget.ControlPlaneOnly<string>("ca register"),
                        async emulator => (await JitpFactory.RegisterAsync(emulator, directory.Ca, active, body)).Id);
                }
                catch (AwsServiceException ex)
                {
                    throw CloudTarget.Refused(ex); // InvalidRequestException from a running emulator; any refusal on the data directory
                }

                Console.WriteLine($"CA '{directory.Ca.Subject}' registered as {id} ({(active ? "ACTIVE" : "INACTIVE")}, auto-registration on)");
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
