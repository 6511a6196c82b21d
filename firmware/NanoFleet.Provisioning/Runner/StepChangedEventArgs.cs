using System;

namespace NanoFleet.Provisioning
{
    /// <summary>Raised on the runner's thread each time the machine enters a new step.</summary>
    public delegate void ProvisioningStepChangedEventHandler(object sender, StepChangedEventArgs e);

    /// <summary>The step a device just entered, for progress displays.</summary>
    public sealed class StepChangedEventArgs : EventArgs
    {
        /// <summary>Creates the args.</summary>
        public StepChangedEventArgs(ProvisioningStep step, int attempts)
        {
            Step = step;
            Attempts = attempts;
        }

        /// <summary>The new step.</summary>
        public ProvisioningStep Step { get; }

        /// <summary>The step's stable name (Enum.ToString() gives numbers on nanoFramework).</summary>
        public string StepName => ProvisioningNames.Of(Step);

        /// <summary>Transient failures in a row so far (0 on the happy path).</summary>
        public int Attempts { get; }
    }
}
