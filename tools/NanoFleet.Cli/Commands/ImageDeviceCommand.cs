using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using NanoFleet.Cli.Device;
using NanoFleet.Hal.Host.Identity;
using NanoFleet.Provisioning;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet image device`: a whole 4 MB flash image for a virtual device.</summary>
    public static class ImageDeviceCommand
    {
        /// <summary>Builds the sub-verb (registered under `image`).</summary>
        public static Command Create()
        {
            var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the image.", Required = true };
            var mac = new Option<string>("--mac") { Description = "The device MAC, e.g. 02:4e:46:00:00:01 (a virtual device's eFuse).", Required = true };
            var partitions = new Option<FileInfo?>("--partitions") { Description = "The partition table CSV (default: ./partitions.csv, else the one built into nanofleet)." };
            var claimImage = new Option<FileInfo?>("--claim-image") { Description = "A claim partition image from `nanofleet image claim`." };
            var cert = new Option<FileInfo?>("--claim-cert") { Description = "Claim certificate PEM (instead of --claim-image)." };
            var key = new Option<FileInfo?>("--claim-key") { Description = "Claim private key PEM (instead of --claim-image)." };
            var ca = new Option<FileInfo?>("--ca") { Description = "CA PEM the device trusts for the broker (instead of --claim-image)." };
            var endpoint = new Option<string?>("--endpoint") { Description = "HOST:PORT of AWS IoT or the emulator (instead of --claim-image)." };
            var template = new Option<string?>("--template") { Description = "Fleet-provisioning template name (instead of --claim-image)." };
            var cbor = new Option<bool>("--cbor") { Description = "Provision over the CBOR API (default JSON)." };
            var parameters = new Option<string[]>("--param") { Description = "A RegisterThing parameter NAME=VALUE, e.g. SerialNumber=NF0001 (repeatable).", AllowMultipleArgumentsPerToken = false };
            var command = new Command(
                "device",
                "Build a full flash image for a virtual device: the partition table at 0x8000, the claim partition\n" +
                "(from --claim-image, or built from --claim-cert/--claim-key/--ca/--endpoint/--template/--param),\n" +
                "the MAC, and 0xFF everywhere else. Boot it with `nanofleet device run --flash FILE`.\n" +
                "Example: nanofleet image device --claim-image claim.bin --mac 02:4e:46:00:00:01 -o dev-01.bin")
            {
                output, mac, partitions, claimImage, cert, key, ca, endpoint, template, cbor, parameters,
            };
            command.SetAction(parse => CliErrors.Run(() =>
            {
                string macText = parse.GetValue(mac)!;
                if (!MacAddress.TryNormalize(macText, out string normalized))
                {
                    throw new CliException(ExitCodes.BadInput, $"--mac '{macText}' is not a MAC address (six hex bytes, e.g. 02:4e:46:00:00:01)");
                }

                byte[] claim = parse.GetValue(claimImage) is FileInfo file
                    ? ReadClaimImage(file)
                    : ClaimImages.Build(ClaimFromOptions(parse.GetValue(cert), parse.GetValue(key), parse.GetValue(ca), parse.GetValue(endpoint),
                        parse.GetValue(template), parse.GetValue(cbor), parse.GetValue(parameters) ?? Array.Empty<string>()));
                var table = DefaultPartitions.Load(parse.GetValue(partitions)?.FullName ?? (File.Exists("partitions.csv") ? "partitions.csv" : null));
                byte[] image = DeviceImageBuilder.Build(table, claim, normalized);
                var target = parse.GetValue(output)!;
                WriteAtomically(target.FullName, image);
                Console.WriteLine($"{target.Name}: {image.Length / 1024} KB flash image, MAC {MacAddress.ToDisplay(normalized)}, {table.Rows.Count} partitions, credentials erased (not provisioned)");
                return ExitCodes.Success;
            }));
            return command;
        }

        private static byte[] ReadClaimImage(FileInfo file)
        {
            if (!file.Exists)
            {
                throw new FileNotFoundException($"claim image '{file.FullName}' not found", file.FullName);
            }

            byte[] image = File.ReadAllBytes(file.FullName);
            var claim = new ProvisioningClaim();
            if (NanoFleet.Provisioning.Storage.ClaimPartition.Parse(image, 0, image.Length, claim, out string error) != FpStatus.Success)
            {
                throw new InvalidDataException($"'{file.Name}' is not a usable claim image: {error}");
            }

            return image;
        }

        private static ProvisioningClaim ClaimFromOptions(FileInfo? cert, FileInfo? key, FileInfo? ca, string? endpoint, string? template, bool cbor, string[] parameters)
        {
            if (cert is null || key is null || ca is null || endpoint is null || template is null)
            {
                throw new CliException(ExitCodes.BadInput, "give --claim-image, or all of --claim-cert, --claim-key, --ca, --endpoint and --template");
            }

            if (!EndpointText.IsValid(endpoint))
            {
                throw new CliException(ExitCodes.BadInput, $"--endpoint '{endpoint}' is not HOST:PORT (e.g. a1b2c3-ats.iot.eu-west-1.amazonaws.com:8883)");
            }

            int colon = endpoint.LastIndexOf(':');
            var claim = new ProvisioningClaim
            {
                CertificatePem = ReadPem(cert, "--claim-cert"),
                PrivateKeyPem = ReadPem(key, "--claim-key"),
                CaPem = ReadPem(ca, "--ca"),
                EndpointHost = endpoint.Substring(0, colon),
                EndpointPort = int.Parse(endpoint.AsSpan(colon + 1), provider: System.Globalization.CultureInfo.InvariantCulture),
                TemplateName = template,
                Format = cbor ? FpFormat.Cbor : FpFormat.Json,
            };
            foreach (string parameter in parameters)
            {
                int equals = parameter.IndexOf('=');
                if (equals < 1)
                {
                    throw new CliException(ExitCodes.BadInput, $"--param '{parameter}' is not NAME=VALUE");
                }

                claim.Parameters.Set(parameter.Substring(0, equals), parameter.Substring(equals + 1));
            }

            return claim;
        }

        private static string ReadPem(FileInfo file, string option)
        {
            if (!file.Exists)
            {
                throw new FileNotFoundException($"{option} '{file.FullName}' not found", file.FullName);
            }

            string text = File.ReadAllText(file.FullName);
            if (!text.Contains("-----BEGIN ", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{option} '{file.Name}' is not PEM");
            }

            return text;
        }

        /// <summary>Writes to a temporary file and renames it, so a failure never leaves half an image.</summary>
        internal static void WriteAtomically(string path, byte[] data)
        {
            string temp = path + ".tmp-" + Environment.ProcessId;
            File.WriteAllBytes(temp, data);
            File.Move(temp, path, overwrite: true);
        }
    }
}
