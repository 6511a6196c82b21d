namespace NanoFleet.Cli.Installer
{
    /// <summary>How a claim installation ended; each has its own exit code.</summary>
    public enum InstallOutcome
    {
        /// <summary>The device provisioned and reported its thing name.</summary>
        Provisioned,
        /// <summary>The broker refused the claim at connect: it expired before the device used it. Run again for a new one.</summary>
        ClaimExpired,
        /// <summary>No HELLO from the device, or no answer to the claim, in time; or the serial line went away.</summary>
        DeviceSilent,
        /// <summary>The device refused the claim (NACK) for a reason resending cannot fix.</summary>
        Refused,
        /// <summary>The device took the claim but provisioning failed (hook denied, template refused, retries ran out).</summary>
        Failed,
    }
}
