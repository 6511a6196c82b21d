using NanoFleet.Hal;
using NanoFleet.Hal.Esp32;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Provisioning.Transfer;

namespace NanoFleet.Firmware
{
    /// <summary>
    /// The trusted-user boot: the claim partition holds no claim and the device has no credentials, so it
    /// waits on its claim UART for an installer's temporary claim, bounded, and provisions with it through
    /// the same core. The claim lives in RAM only and is wiped after the run; a claim the broker refuses
    /// (expired) is reported as CLAIM_EXPIRED and never retried: the device waits for a fresh one.
    /// </summary>
    internal static class TrustedUserBoot
    {
        /// <summary>How long the device waits for a claim before it sleeps (the installer has this long to plug in).</summary>
        private const int ClaimWaitMilliseconds = 600000;

        /// <summary>Waits for claims until one provisions the device (or the wait runs out).</summary>
        /// <returns>The run that provisioned it (RebootRequested means the reset failed), or null when no usable claim came.</returns>
        public static RunResult? Run(Esp32Hal hal, ILogSink log, ProvisioningClaim claim, ICredentialStore store)
        {
            var session = new ClaimTransferSession(hal.ClaimLine, hal.Clock, log, hal.Identity.MacAddress);
            while (true)
            {
                var temporary = new TemporaryClaim();
                if (session.AwaitClaim(ClaimWaitMilliseconds, temporary) != ClaimWaitResult.Received)
                {
                    return null;
                }

                RunResult? result = null;
                try
                {
                    if (temporary.ApplyTo(claim) == TransferStatus.Success)
                    {
                        ProvisioningOptions options = new ProvisioningOptionsBuilder().WithClaimDefaults(claim).Build();
                        // The session reports each step, THING just before the reboot, or FAILED; the core persists only the
                        // device's own credentials, never the claim.
                        result = session.Provision(new ProvisioningRunner(hal.Mqtt, hal.Clock, hal.Random, hal.Identity, hal.Rebooter, log, store, null, claim, options));
                    }
                    else
                    {
                        log.Log(LogLevel.Warning, "ClaimRefused", "the claim's endpoint '" + temporary.Endpoint + "' is not HOST:PORT");
                    }
                }
                finally
                {
                    temporary.Wipe(); // also when provisioning throws: the claim lives in RAM only, and only as long as it is used
                }

                if (result != null && session.FailureReason == 0)
                {
                    return result;
                }
            }
        }
    }
}
