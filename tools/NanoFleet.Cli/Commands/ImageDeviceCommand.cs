using System;
using System.CommandLine;
using System.IO;
using NanoFleet.Cli.Device;
using NanoFleet.Hal.Host.Identity;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Station.Claim;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet image device`: a whole 4 MB flash image for a virtual device.</summary>
    public static class ImageDeviceCommand
    {
        /// <summary>Builds the sub-verb (registered under `image`).</summary>
        public static Command Create()
        {
            var output = new Option<string>("--output", "-o") { Description = "Where to write the image.", Required = true };
            var mac = new Option<string>("--mac") { Description = "The device MAC, e.g. 02:4e:46:00:00:01 (stands in for the ESP32's eFuse).", Required = true };
            var partitions = new Option<string?>("--partitions") { Description = "The partition table CSV (default: ./partitions.csv, else the one built into nanofleet)." };
            var claimImage = new Option<string?>("--claim-image") { Description = "A claim partition image from `nanofleet image claim`." };
            var ca = new Option<string?>("--ca") { Description = "Without --claim-image: the broker's trusted CA, PEM." };
            var cert = new Option<string?>("--cert") { Description = "Without --claim-image: the shared claim certificate, PEM." };
            var key = new Option<string?>("--key") { Description = "Without --claim-image: the claim private key, PEM. Never printed." };
            var endpoint = new Option<string?>("--endpoint") { Description = "Without --claim-image: HOST or HOST:PORT of AWS IoT or the emulator." };
            var template = new Option<string?>("--template") { Description = "Without --claim-image: the fleet-provisioning template name." };
            var format = new Option<string>("--format") { Description = "Without --claim-image: payload format of the provisioning API.", DefaultValueFactory = _ => "json" };
            format.AcceptOnlyFromAmong("json", "cbor");
            var noClaim = new Option<bool>("--no-claim")
            {
                Description = "Without --claim-image: a trusted-user image, with no claim certificate or key (no --cert, --key);\n" +
                    "the device waits for an installer's temporary claim (`device run --await-claim`).",
            };
            var parameters = new Option<string[]>("--param") { Description = "Without --claim-image: a RegisterThing parameter KEY=VALUE (repeatable)." };
            var jitpCa = new Option<string?>("--jitp-ca") { Description = "Instead of a claim: a JITP image with its own certificate signed by the factory CA in DIR (`cloud ca create`), CN = --serial." };
            var serial = new Option<string?>("--serial") { Description = "With --jitp-ca: the device's serial number, the certificate's CommonName and so its thing name." };
            var command = new Command(
                "device",
                "Build a full flash image for a virtual device: the partition table at 0x8000, the claim partition\n" +
                "(from --claim-image, or built from --ca/--cert/--key/--endpoint/--template/--param as `image claim`\n" +
                "does; or, with --jitp-ca DIR --serial S, a JITP image: its own certificate, no claim), the MAC, and 0xFF everywhere else. Boot it with `nanofleet device run --flash FILE`.\n" +
                "Example: nanofleet image device --claim-image claim.bin --mac 02:4e:46:00:00:01 -o dev-01.bin")
            {
                output, mac, partitions, claimImage, ca, cert, key, endpoint, template, format, parameters, noClaim, jitpCa, serial,
            };
            command.SetAction(parse =>
            {
                string macText = parse.GetValue(mac)!;
                if (!MacAddress.TryNormalize(macText, out string normalized))
                {
                    throw new CliException(ExitCodes.BadInput, $"--mac '{macText}' is not a MAC address (six hex bytes, e.g. 02:4e:46:00:00:01)");
                }

                byte[] claim = parse.GetValue(jitpCa) is string jitpDirectory
                    ? BuildJitp(jitpDirectory, parse.GetValue(serial))
                    : parse.GetValue(claimImage) is string path
                    ? ReadClaimImage(path)
                    : BuildClaim(parse.GetValue(ca), parse.GetValue(cert), parse.GetValue(key), parse.GetValue(endpoint), parse.GetValue(template),
                        parse.GetValue(format) == "cbor", parse.GetValue(parameters) ?? Array.Empty<string>(), parse.GetValue(noClaim));
                string? csv = parse.GetValue(partitions) ?? (File.Exists("partitions.csv") ? "partitions.csv" : null);
                var table = DefaultPartitions.Load(csv);
                byte[] image = DeviceImageBuilder.Build(table, claim, normalized);
                string target = parse.GetValue(output)!;
                OutputFiles.WriteAllBytes(target, image);
                Console.WriteLine($"{target}: {image.Length / 1024} KB flash image from {csv ?? "the built-in partitions.csv"}, MAC {MacAddress.ToDisplay(normalized)}, credentials erased (not provisioned)");
                return ExitCodes.Success;
            });
            return command;
        }

        private static byte[] BuildJitp(string directory, string? serial)
        {
            if (string.IsNullOrEmpty(serial))
            {
                throw new CliException(ExitCodes.BadInput, "--jitp-ca needs --serial: the CommonName of the device's certificate and its thing name");
            }

            using var factory = Station.Batch.JitpCaDirectory.Load(directory);
            var (builder, certificate) = factory.Builder(serial);
            Console.WriteLine($"device certificate for '{serial}' signed by '{factory.Ca.Subject}': SHA-256 {certificate.Sha256}");
            return builder.Build().Bytes;
        }

        private static byte[] ReadClaimImage(string path)
        {
            byte[] image = OutputFiles.ReadBytes(path, "--claim-image");
            if (ClaimPartition.Parse(image, 0, image.Length, new ProvisioningClaim(), out string error) != FpStatus.Success)
            {
                throw new InvalidDataException($"--claim-image '{path}' is not a usable claim image: {error}");
            }

            return image;
        }

        private static byte[] BuildClaim(string? ca, string? cert, string? key, string? endpoint, string? template, bool cbor, string[] parameters, bool noClaim)
        {
            if (noClaim && (cert is not null || key is not null))
            {
                throw new CliException(ExitCodes.BadInput, "--no-claim builds an image without a claim: give no --cert or --key");
            }

            if (ca is null || endpoint is null || template is null || (!noClaim && (cert is null || key is null)))
            {
                throw new CliException(ExitCodes.BadInput, "give --claim-image, or all of --ca, --cert, --key, --endpoint and --template (--ca, --endpoint and --template with --no-claim)");
            }

            var builder = new ClaimImageBuilder().WithCaPem(OutputFiles.ReadText(ca, "--ca"), ca);
            builder = noClaim ? builder.WithoutClaim() : builder
                .WithClaimCertificatePem(OutputFiles.ReadText(cert!, "--cert"), cert!)
                .WithClaimKeyPem(OutputFiles.ReadText(key!, "--key"), key!);
            builder
                .WithEndpoint(endpoint)
                .WithTemplate(template)
                .WithFormat(cbor ? FpFormat.Cbor : FpFormat.Json);
            foreach (string pair in parameters)
            {
                int eq = pair.IndexOf('=');
                if (eq <= 0)
                {
                    throw new CliException(ExitCodes.BadInput, $"--param '{pair}' is not KEY=VALUE");
                }

                builder.WithParameter(pair[..eq], pair[(eq + 1)..]);
            }

            var image = builder.Build();
            foreach (string warning in image.Warnings)
            {
                Console.Error.WriteLine("nanofleet: warning: " + warning);
            }

            return image.Bytes;
        }
    }
}
