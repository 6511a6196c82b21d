using System.CommandLine;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using NanoFleet.Cloud;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet cloud claim create|revoke`.</summary>
    internal static class CloudClaimCommand
    {
        private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

        public static Command Create()
        {
            var claim = new Command("claim", "Claim certificates: the shared factory identity devices trade for their own.");
            claim.Subcommands.Add(CreateCommand());
            claim.Subcommands.Add(RevokeCommand());
            return claim;
        }

        private static Command CreateCommand()
        {
            var data = CloudCommand.DataOption();
            var template = new Option<string>("--template") { Description = "The template the claim may provision with.", Required = true };
            var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Directory to write ca.pem, claim.pem, claim.key (owner-only) and endpoint.txt into.", Required = true };
            var endpoint = new Option<string>("--endpoint")
            {
                Description = "HOST:PORT devices reach the emulator at, written to endpoint.txt.",
                DefaultValueFactory = _ => "localhost:8883",
            };
            var command = new Command("create",
                "Make a claim certificate for one template and write it as the factory station's claim\n" +
                "directory: ca.pem, claim.pem, claim.key and endpoint.txt, ready for\n" +
                "`nanofleet station run --claim-dir DIR` (or `image device --ca DIR/ca.pem --cert DIR/claim.pem --key DIR/claim.key`).")
            {
                data, template, output, endpoint,
            };
            command.SetAction(async (r, ct) =>
            {
                string name = r.GetValue(template)!;
                var credentials = await CloudTarget.RunAsync(r.GetValue(data)!,
                    async admin => JsonSerializer.Deserialize<ClaimCredentials>(
                        await admin.SendAsync(HttpMethod.Post, "claims", JsonSerializer.Serialize(new { template = name }), ct))!,
                    emulator => emulator.Claims.CreateAsync(name));
                var dir = r.GetValue(output)!;
                dir.Create();
                File.WriteAllText(Path.Combine(dir.FullName, "ca.pem"), credentials.CaCertificatePem);
                File.WriteAllText(Path.Combine(dir.FullName, "claim.pem"), credentials.CertificatePem);
                NanoFleet.Cloud.Internal.CertificateAuthority.WriteSecret(Path.Combine(dir.FullName, "claim.key"), credentials.PrivateKeyPem);
                File.WriteAllText(Path.Combine(dir.FullName, "endpoint.txt"), r.GetValue(endpoint) + "\n");
                System.Console.Out.WriteLine($"claim {credentials.CertificateId} for template '{name}' written to {dir.FullName} (ca.pem, claim.pem, claim.key, endpoint.txt)");
                return ExitCodes.Success;
            });
            return command;
        }

        private static Command RevokeCommand()
        {
            var data = CloudCommand.DataOption();
            var id = new Argument<string>("ID") { Description = "The claim certificate id (64 hex)." };
            var command = new Command("revoke", "Revoke a claim: it can no longer connect and its live connections are closed. Devices it provisioned keep working.") { data, id };
            command.SetAction(async (r, ct) =>
            {
                string certificateId = r.GetValue(id)!;
                bool revoked = await CloudTarget.RunAsync(r.GetValue(data)!,
                    async admin =>
                    {
                        await admin.SendAsync(HttpMethod.Post, $"claims/{certificateId}/revoke", "{}", ct);
                        return true;
                    },
                    emulator => emulator.Claims.RevokeAsync(certificateId));
                if (!revoked)
                {
                    throw new CliException(ExitCodes.BadInput, $"no claim certificate has id {certificateId}");
                }

                System.Console.Out.WriteLine($"claim {certificateId} revoked");
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
