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

        /// <summary>An internal error: a bug in nanofleet. Set NANOFLEET_TRACE=1 for the stack trace.</summary>
        public const int InternalError = 70;

        /// <summary>Stopped by Ctrl-C.</summary>
        public const int Interrupted = 130;
    }
}
