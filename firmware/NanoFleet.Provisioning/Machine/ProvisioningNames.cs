namespace NanoFleet.Provisioning
{
    /// <summary>
    /// Stable names of the machine's enums for logs, the UI and diagnostics: Enum.ToString() returns
    /// the number on nanoFramework, so the core spells names out itself.
    /// </summary>
    public static class ProvisioningNames
    {
        /// <summary>The step's name, e.g. "RegisteringThing".</summary>
        public static string Of(ProvisioningStep step)
        {
            switch (step)
            {
                case ProvisioningStep.Idle: return "Idle";
                case ProvisioningStep.ConnectingAsThing: return "ConnectingAsThing";
                case ProvisioningStep.ConnectingWithClaim: return "ConnectingWithClaim";
                case ProvisioningStep.SubscribingCreate: return "SubscribingCreate";
                case ProvisioningStep.CreatingCsr: return "CreatingCsr";
                case ProvisioningStep.RequestingCertificate: return "RequestingCertificate";
                case ProvisioningStep.SubscribingRegister: return "SubscribingRegister";
                case ProvisioningStep.RegisteringThing: return "RegisteringThing";
                case ProvisioningStep.Persisting: return "Persisting";
                case ProvisioningStep.BackingOff: return "BackingOff";
                case ProvisioningStep.Rebooting: return "Rebooting";
                case ProvisioningStep.Operational: return "Operational";
                default: return "UnknownStep";
            }
        }

        /// <summary>The event kind's name, e.g. "MessageReceived".</summary>
        public static string Of(ProvisioningEventKind kind)
        {
            switch (kind)
            {
                case ProvisioningEventKind.Boot: return "Boot";
                case ProvisioningEventKind.ConnectCompleted: return "ConnectCompleted";
                case ProvisioningEventKind.SubscribeAcknowledged: return "SubscribeAcknowledged";
                case ProvisioningEventKind.MessageReceived: return "MessageReceived";
                case ProvisioningEventKind.PublishFailed: return "PublishFailed";
                case ProvisioningEventKind.ConnectionLost: return "ConnectionLost";
                case ProvisioningEventKind.TimerExpired: return "TimerExpired";
                case ProvisioningEventKind.CsrCreated: return "CsrCreated";
                case ProvisioningEventKind.PersistCompleted: return "PersistCompleted";
                default: return "UnknownEvent";
            }
        }

        /// <summary>The action kind's name, e.g. "Publish".</summary>
        public static string Of(ProvisioningActionKind kind)
        {
            switch (kind)
            {
                case ProvisioningActionKind.Connect: return "Connect";
                case ProvisioningActionKind.Subscribe: return "Subscribe";
                case ProvisioningActionKind.Publish: return "Publish";
                case ProvisioningActionKind.Disconnect: return "Disconnect";
                case ProvisioningActionKind.StartTimer: return "StartTimer";
                case ProvisioningActionKind.CreateCsr: return "CreateCsr";
                case ProvisioningActionKind.Persist: return "Persist";
                case ProvisioningActionKind.MarkCredentialsBad: return "MarkCredentialsBad";
                case ProvisioningActionKind.Reboot: return "Reboot";
                case ProvisioningActionKind.Log: return "Log";
                case ProvisioningActionKind.StepChanged: return "StepChanged";
                case ProvisioningActionKind.BecameOperational: return "BecameOperational";
                default: return "UnknownAction";
            }
        }
    }
}
