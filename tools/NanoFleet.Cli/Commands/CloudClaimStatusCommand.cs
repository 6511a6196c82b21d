using System.CommandLine;
using System.Threading.Tasks;
using NanoFleet.Cloud;
using NanoFleet.Cloud.ControlPlane;

namespace NanoFleet.Cli.Commands
{
    /// <summary>
    /// `nanofleet cloud claim revoke|deactivate|activate ID`: a claim's status. On a running emulator it is AWS's
    /// UpdateCertificate through the control plane as the operator (after the emulator's claim usage route confirms the
    /// id is a claim); the emulator closes the claim's live connections when it leaves ACTIVE. Else on the data directory.
    /// </summary>
    internal static class CloudClaimStatusCommand
    {
        public static Command Revoke() => Create("revoke", CertificateStatus.Revoked, "revoked",
            "Revoke a claim: it can no longer connect and its live connections are closed. Devices it provisioned keep working. " +
            "Final: a revoked claim cannot be activated again (UpdateCertificate newStatus=REVOKED).");

        public static Command Deactivate() => Create("deactivate", CertificateStatus.Inactive, "deactivated",
            "Turn a claim off (INACTIVE), e.g. when `cloud metrics` shows misuse: it can no longer connect and its live connections " +
            "are closed; `claim activate` turns it on again (UpdateCertificate newStatus=INACTIVE).");

        public static Command Activate() => Create("activate", CertificateStatus.Active, "activated",
            "Turn an INACTIVE claim on again (UpdateCertificate newStatus=ACTIVE). A revoked claim stays revoked.");

        private static Command Create(string verb, CertificateStatus status, string done, string description)
        {
            var data = CloudCommand.DataOption();
            var id = new Argument<string>("ID") { Description = "The claim certificate id (64 hex)." };
            var command = new Command(verb, description) { data, id };
            command.SetAction(async (r, ct) =>
            {
                string certificateId = r.GetValue(id)!;
                bool found = await CloudTarget.RunAsync(r.GetValue(data)!,
                    (client, _) => UpdateAsync(client, certificateId, status),
                    CloudTarget.ControlPlaneOnly<bool>("claim " + verb),
                    emulator => UpdateAsync(emulator, certificateId, status));
                if (!found)
                {
                    throw new CliException(ExitCodes.BadInput, $"no claim certificate has id {certificateId}");
                }

                System.Console.Out.WriteLine($"claim {certificateId} {done}");
                return ExitCodes.Success;
            });
            return command;
        }

        /// <summary>False when <paramref name="certificateId"/> is no claim; the claim usage route is how the control plane tells.</summary>
        private static async Task<bool> UpdateAsync(ControlPlaneClient client, string certificateId, CertificateStatus status)
        {
            string id = System.Uri.EscapeDataString(certificateId);
            try
            {
                await client.SendAsync("GET", $"/nanofleet/claims/{id}/usage", null);
            }
            catch (AwsServiceException ex) when (ex.ErrorType == "ResourceNotFoundException")
            {
                return false;
            }

            await client.SendAsync("PUT", $"/certificates/{id}?newStatus={status.ToAwsName()}", null);
            return true;
        }

        private static async Task<bool> UpdateAsync(FleetEmulator emulator, string certificateId, CertificateStatus status)
        {
            if (await emulator.Claims.GetUsageAsync(certificateId) is null)
            {
                return false;
            }

            try
            {
                return await emulator.Certificates.SetStatusAsync(certificateId, status);
            }
            catch (CertificateStateException ex)
            {
                throw new CliException(ExitCodes.Failure, "CertificateStateException: " + ex.Message);
            }
        }
    }
}
