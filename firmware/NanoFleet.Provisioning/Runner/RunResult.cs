namespace NanoFleet.Provisioning
{
    /// <summary>Why <see cref="ProvisioningRunner.Run"/> returned.</summary>
    public enum RunOutcome
    {
        /// <summary><see cref="ProvisioningRunner.Stop"/> was called.</summary>
        Stopped = 0,
        /// <summary>Connected as the thing: the session passed to the runner is connected and the application's now.</summary>
        Operational,
        /// <summary>New credentials were persisted and <see cref="NanoFleet.Hal.IRebooter.Reboot"/> returned (host HALs); boot again.</summary>
        RebootRequested,
    }

    /// <summary>What a <see cref="ProvisioningRunner.Run"/> ended with. <see cref="ToString"/> shows no secret.</summary>
    public sealed class RunResult
    {
        internal RunResult(RunOutcome outcome, ProvisioningStep lastStep, DeviceCredentials? credentials)
        {
            Outcome = outcome;
            LastStep = lastStep;
            Credentials = credentials;
        }

        /// <summary>Why the run ended.</summary>
        public RunOutcome Outcome { get; }

        /// <summary>The machine's step when the run ended.</summary>
        public ProvisioningStep LastStep { get; }

        /// <summary>Operational: the record connected with; RebootRequested: the record just persisted; else null. Holds the private key.</summary>
        public DeviceCredentials? Credentials { get; }

        /// <summary>The thing name, or "" when there is no record.</summary>
        public string ThingName => Credentials == null ? "" : Credentials.ThingName;

        /// <inheritdoc />
        public override string ToString()
        {
            string outcome = Outcome == RunOutcome.Operational ? "operational" : Outcome == RunOutcome.RebootRequested ? "reboot requested" : "stopped";
            return outcome + " in step " + ProvisioningNames.Of(LastStep) + (Credentials == null ? "" : " (" + Credentials + ")");
        }
    }
}
