using System;
using System.CommandLine;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet cloud claim create|limits`; revoke, deactivate and activate are in <see cref="CloudClaimStatusCommand"/>.</summary>
    internal static class CloudClaimCommand
    {
        private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

        public static Command Create()
        {
            var claim = new Command("claim", "Claim certificates: the shared factory identity devices trade for their own.");
            claim.Subcommands.Add(CreateCommand());
            claim.Subcommands.Add(CloudClaimStatusCommand.Revoke());
            claim.Subcommands.Add(CloudClaimStatusCommand.Deactivate());
            claim.Subcommands.Add(CloudClaimStatusCommand.Activate());
            claim.Subcommands.Add(LimitsCommand());
            return claim;
        }

        private static Command CreateCommand()
        {
            var data = CloudCommand.DataOption();
            var template = new Option<string>("--template") { Description = "The template the claim may provision with.", Required = true };
            var output = new Option<string>("--output", "-o") { Description = "Directory to write ca.pem, claim.pem, claim.key (owner-only) and endpoint.txt into; it must not hold a claim yet.", Required = true };
            var force = new Option<bool>("--force") { Description = "Replace the claim files already in the output directory (the old claim's key is lost)." };
            var endpoint = new Option<string>("--endpoint")
            {
                Description = "HOST:PORT devices reach the emulator at, written to endpoint.txt.",
                DefaultValueFactory = _ => "localhost:8883",
            };
            var command = new Command("create",
                "Make a claim certificate for one stored template and write it as the factory station's claim\n" +
                "directory: ca.pem, claim.pem, claim.key and endpoint.txt, ready for\n" +
                "`nanofleet station run --claim-dir DIR` (or `image device --ca DIR/ca.pem --cert DIR/claim.pem --key DIR/claim.key`).\n" +
                "The --max-* thresholds watch the claim for misuse; `nanofleet cloud metrics` shows its usage.")
            {
                data, template, output, force, endpoint,
            };
            var limitOptions = new ClaimLimitOptions();
            limitOptions.AddTo(command);
            command.SetAction(async (r, ct) =>
            {
                string name = r.GetValue(template)!, dir = r.GetValue(output)!, dataDirectory = r.GetValue(data)!;
                bool replace = r.GetValue(force);
                var limits = limitOptions.Read(r);
                ClaimFiles.CheckTarget(dir, replace);
                var credentials = await CloudTarget.RunAsync(dataDirectory,
                    async admin => JsonSerializer.Deserialize<ClaimCredentials>(
                        await admin.SendAsync(HttpMethod.Post, "claims", JsonSerializer.Serialize(new { template = name, limits }), ct))!,
                    emulator => emulator.Claims.CreateAsync(name, limits));
                try
                {
                    ClaimFiles.Write(dir, credentials, r.GetValue(endpoint)!, replace);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    string undone = await DeleteAsync(dataDirectory, credentials.CertificateId);
                    throw new CliException(CliErrors.CodeFor(ex), $"claim files could not be written to {dir} ({ex.Message}); {undone}");
                }

                System.Console.Out.WriteLine($"claim {credentials.CertificateId} for template '{name}' written to {Path.GetFullPath(dir)} ({ClaimFiles.Ca}, {ClaimFiles.Certificate}, {ClaimFiles.Key}, {ClaimFiles.Endpoint})");
                return ExitCodes.Success;
            });
            return command;
        }

        /// <summary>
        /// Undoes a registration whose key could not be written: the key existed only in this process, so the claim
        /// is useless, and it is deleted rather than left ACTIVE for nobody. Returns what happened, for the error line.
        /// </summary>
        private static async Task<string> DeleteAsync(string dataDirectory, string certificateId)
        {
            try
            {
                await CloudTarget.RunAsync(dataDirectory,
                    admin => admin.SendAsync(HttpMethod.Delete, $"claims/{certificateId}", "{}", CancellationToken.None),
                    async emulator => (await emulator.Claims.DeleteAsync(certificateId)).ToString());
                return $"claim {certificateId} was deleted again, nothing is registered";
            }
            catch (Exception ex)
            {
                return $"claim {certificateId} could not be deleted again ({ex.Message}): revoke it with `nanofleet cloud claim revoke {certificateId}`";
            }
        }

        private static Command LimitsCommand()
        {
            var data = CloudCommand.DataOption();
            var id = new Argument<string>("ID") { Description = "The claim certificate id (64 hex)." };
            var command = new Command("limits",
                "Set an existing claim's misuse thresholds, replacing the ones it had: a --max-* option left out is no limit,\n" +
                "so `nanofleet cloud claim limits ID` alone clears them. They apply from the claim's next request.") { data, id };
            var limitOptions = new ClaimLimitOptions();
            limitOptions.AddTo(command);
            command.SetAction(async (r, ct) =>
            {
                string certificateId = r.GetValue(id)!;
                var limits = limitOptions.Read(r);
                bool found = await CloudTarget.RunAsync(r.GetValue(data)!,
                    async admin =>
                    {
                        await admin.SendAsync(HttpMethod.Put, $"claims/{certificateId}/limits", JsonSerializer.Serialize(limits), ct);
                        return true;
                    },
                    emulator => emulator.Claims.SetLimitsAsync(certificateId, limits));
                if (!found)
                {
                    throw new CliException(ExitCodes.BadInput, $"no claim certificate has id {certificateId}");
                }

                System.Console.Out.WriteLine($"claim {certificateId} thresholds: {limits.Describe()}");
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
