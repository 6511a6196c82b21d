namespace NanoFleet.Cli
{
    /// <summary>Exit codes scripts can rely on. Documented in README.md; never renumber.</summary>
    public static class ExitCodes
    {
        /// <summary>Everything asked for was done.</summary>
        public const int Success = 0;

        /// <summary>The operation ran and failed (verification mismatch, device not provisioned, bad MD5…).</summary>
        public const int Failure = 1;

        /// <summary>Bad input: a usage error, a file that is missing or malformed. Nothing was changed.</summary>
        public const int BadInput = 2;

        /// <summary>A device or serial-link error (ROM loader refused, timeout, unplugged).</summary>
        public const int DeviceError = 3;

        /// <summary>A virtual device asked to reboot under `device run --once`.</summary>
        public const int Rebooted = 4;

        /// <summary>`installer claim`: the device reported CLAIM_EXPIRED (the broker refused the temporary claim at connect); run it again for a fresh claim.</summary>
        public const int ClaimExpired = 10;

        /// <summary>`installer claim`: the device refused the claim (NACK: malformed, a key that does not match, not waiting).</summary>
        public const int ClaimRefused = 11;

        /// <summary>`installer claim`: the service refused CreateProvisioningClaim (AccessDeniedException and other AWS errors); nothing was sent.</summary>
        public const int AccessDenied = 12;

        /// <summary>An internal error: a bug in nanofleet. Set NANOFLEET_TRACE=1 for the stack trace.</summary>
        public const int InternalError = 70;

        /// <summary>Stopped by Ctrl-C.</summary>
        public const int Interrupted = 130;
    }
}
