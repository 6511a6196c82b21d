using System;
using System.CommandLine;
using NanoFleet.Provisioning;
using NanoFleet.Station.Claim;
using NanoFleet.Station.Partitions;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet image claim …`: the esp_secure_cert partition image holding a fleet-provisioning claim.</summary>
    internal static class ImageClaimCommand
    {
        public static Command Create()
        {
            var ca = new Option<string>("--ca") { Description = "The broker's trusted CA, PEM (e.g. AmazonRootCA1.pem, or the emulator's CA).", Required = true };
            var cert = new Option<string>("--cert") { Description = "The shared claim certificate, PEM.", Required = true };
            var key = new Option<string>("--key") { Description = "The claim certificate's private key, unencrypted PEM (RSA or EC). Never printed.", Required = true };
            var endpoint = new Option<string>("--endpoint") { Description = "The AWS IoT (or emulator) endpoint, HOST or HOST:PORT (port 8883 by default).", Required = true };
            var template = new Option<string>("--template") { Description = "The fleet-provisioning template name (1-36 of [0-9A-Za-z_-]).", Required = true };
            var format = new Option<string>("--format") { Description = "Payload format of the provisioning API.", DefaultValueFactory = _ => "json" };
            format.AcceptOnlyFromAmong("json", "cbor");
            var parameters = new Option<string[]>("--param")
            {
                Description = "A RegisterThing parameter for this device, KEY=VALUE (repeat for several), e.g. --param SerialNumber=SN-0042.",
                Arity = ArgumentArity.ZeroOrMore,
            };
            var partitions = new Option<string?>("--partitions") { Description = "partitions.csv to take the esp_secure_cert partition size from (0x2000 when omitted)." };
            var output = new Option<string>("--output", "-o") { Description = "Where to write the partition image (flash it at the esp_secure_cert offset, 0xD000).", Required = true };

            var command = new Command("claim",
                "Build the esp_secure_cert partition image (Espressif's TLV format) that carries the claim:\n" +
                "CA, claim certificate and key, and the NanoFleet provisioning config. Checks that the PEM\n" +
                "parses, the key matches the certificate, the certificate is valid now (warns within 90\n" +
                "days of expiry), the template name is valid and the image fits the partition.\n" +
                "Example: nanofleet image claim --ca CA.pem --cert claim.pem --key claim.key \\\n" +
                "           --endpoint abc-ats.iot.eu-west-1.amazonaws.com --template fleet-tpl \\\n" +
                "           --param SerialNumber=SN-0042 -o claim.bin")
            {
                ca, cert, key, endpoint, template, format, parameters, partitions, output,
            };

            command.SetAction(result =>
            {
                string caPath = result.GetValue(ca)!, certPath = result.GetValue(cert)!, keyPath = result.GetValue(key)!;
                var builder = new ClaimImageBuilder()
                    .WithCaPem(OutputFiles.ReadText(caPath, "--ca"), caPath)
                    .WithClaimCertificatePem(OutputFiles.ReadText(certPath, "--cert"), certPath)
                    .WithClaimKeyPem(OutputFiles.ReadText(keyPath, "--key"), keyPath)
                    .WithEndpoint(result.GetValue(endpoint)!)
                    .WithTemplate(result.GetValue(template)!)
                    .WithFormat(result.GetValue(format) == "cbor" ? FpFormat.Cbor : FpFormat.Json);
                foreach (string pair in result.GetValue(parameters) ?? Array.Empty<string>())
                {
                    int eq = pair.IndexOf('=');
                    if (eq <= 0) throw new FormatException($"--param '{pair}' is not KEY=VALUE");
                    builder.WithParameter(pair[..eq], pair[(eq + 1)..]);
                }

                if (result.GetValue(partitions) is string csv)
                {
                    var row = PartitionTable.Load(csv).Find("esp_secure_cert") ?? throw new FormatException($"{csv} has no esp_secure_cert partition");
                    builder.WithPartitionSize((int)row.Size);
                }

                var image = builder.Build();
                foreach (string warning in image.Warnings) Console.Error.WriteLine("nanofleet: warning: " + warning);
                string target = result.GetValue(output)!;
                OutputFiles.WriteAllBytes(target, image.Bytes);
                Console.WriteLine($"{target}: {image.Bytes.Length} bytes ({image.UsedBytes} used), claim certificate sha256 {image.CertificateSha256}");
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
