namespace NanoFleet.Provisioning
{
    /// <summary>What the runner must do; selects which fields of a <see cref="ProvisioningAction"/> are set.</summary>
    public enum ProvisioningActionKind
    {
        /// <summary>Open a session with <see cref="ProvisioningAction.Credentials"/>; answer with ConnectCompleted.</summary>
        Connect = 0,
        /// <summary>Subscribe to <see cref="ProvisioningAction.Topic"/> at QoS 1; answer with SubscribeAcknowledged.</summary>
        Subscribe,
        /// <summary>Publish <see cref="ProvisioningAction.PayloadCount"/> bytes of <see cref="ProvisioningAction.Payload"/> at QoS 1; PublishFailed if it cannot.</summary>
        Publish,
        /// <summary>Close the session.</summary>
        Disconnect,
        /// <summary>Arm the one timer: <see cref="ProvisioningAction.TimerId"/> after <see cref="ProvisioningAction.DelayMilliseconds"/>, replacing any earlier one.</summary>
        StartTimer,
        /// <summary>Ask the CSR source for a key pair and CSR for <see cref="ProvisioningAction.Text"/> (the CN); answer with CsrCreated.</summary>
        CreateCsr,
        /// <summary>Save <see cref="ProvisioningAction.DeviceCredentials"/> (always complete); answer with PersistCompleted.</summary>
        Persist,
        /// <summary>Mark the stored record bad so the next boot provisions again.</summary>
        MarkCredentialsBad,
        /// <summary>Restart the device onto the new record.</summary>
        Reboot,
        /// <summary>Write <see cref="ProvisioningAction.Text"/> (event name) and <see cref="ProvisioningAction.Detail"/> at <see cref="ProvisioningAction.Level"/>.</summary>
        Log,
        /// <summary>The step changed to <see cref="ProvisioningAction.Step"/>.</summary>
        StepChanged,
        /// <summary>Connected as the thing <see cref="ProvisioningAction.Text"/>; hand the session to the application.</summary>
        BecameOperational,
    }
}
