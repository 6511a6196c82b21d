using System;
using System.CommandLine;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Station.Claim;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet image show claim.bin`: the records of an esp_secure_cert image, without key bytes.</summary>
    internal static class ImageShowCommand
    {
        public static Command Create()
        {
            var file = new Argument<string>("image") { Description = "An esp_secure_cert partition image (from `image claim`, or read back from 0xD000)." };
            var command = new Command("show",
                "List the records of an esp_secure_cert image: type, size, CRC status, certificate SHA-256\n" +
                "fingerprints (AWS certificate ids), the provisioning config, and whether the device would\n" +
                "accept it. Private keys are shown only by kind and size. Exits 1 on a bad CRC or integrity\n" +
                "record, or when the device would reject the claim.") { file };

            command.SetAction(result =>
            {
                string path = result.GetValue(file)!;
                var report = ClaimImageInspector.Inspect(OutputFiles.ReadBytes(path, "image"));
                Console.WriteLine($"{path}:");
                foreach (var r in report.Records)
                {
                    string crc = r.CrcValid ? "CRC ok " : "CRC BAD";
                    string flags = r.Flags == 0 ? "" : $" flags 0x{r.Flags:X2}";
                    Console.WriteLine($"  0x{r.Offset:X4}  {SecureCertTlv.TypeName(r.Type),-16} type {r.Type,3} sub {r.Subtype}{flags}  {r.Length,5} bytes  {crc}");
                    foreach (string detail in r.Details) Console.WriteLine("          " + detail);
                }

                Console.WriteLine($"  {report.End}");
                Console.WriteLine(report.ClaimStatus == "ok" ? "  claim: ok, the device will accept it" : "  claim: REJECTED: " + report.ClaimStatus);
                if (!report.StructureValid || report.ClaimStatus != "ok")
                {
                    throw new CliException(ExitCodes.Failure, $"{path}: the image is damaged or incomplete (see above)");
                }

                return ExitCodes.Success;
            });
            return command;
        }
    }
}
