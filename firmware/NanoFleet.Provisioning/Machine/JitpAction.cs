namespace NanoFleet.Provisioning
{
    /// <summary>What the runner does next for a <see cref="JitpMachine"/>.</summary>
    public enum JitpAction
    {
        /// <summary>Nothing: the event did not apply in this step.</summary>
        None = 0,

        /// <summary>Connect with the device certificate, as the thing.</summary>
        Connect,

        /// <summary>Wait <see cref="JitpMachine.DelayMilliseconds"/>, then report <see cref="JitpMachine.WaitOver"/>.</summary>
        Wait,

        /// <summary>Connected as the thing: hand over to the application.</summary>
        Operational,
    }
}
