namespace NanoFleet.Provisioning
{
    /// <summary>What happened; selects which fields of a <see cref="ProvisioningEvent"/> are set.</summary>
    public enum ProvisioningEventKind
    {
        /// <summary>The device started; <see cref="ProvisioningEvent.StoredCredentials"/> is the loaded record or null.</summary>
        Boot = 0,
        /// <summary>A connect finished; <see cref="ProvisioningEvent.ConnectResult"/>.</summary>
        ConnectCompleted,
        /// <summary>A SUBACK for <see cref="ProvisioningEvent.Topic"/> (null when the packet id was unknown); <see cref="ProvisioningEvent.Granted"/>.</summary>
        SubscribeAcknowledged,
        /// <summary>A PUBLISH arrived: <see cref="ProvisioningEvent.Topic"/>, <see cref="ProvisioningEvent.Payload"/>.</summary>
        MessageReceived,
        /// <summary>A publish (or subscribe) could not be sent.</summary>
        PublishFailed,
        /// <summary>The session dropped without our asking.</summary>
        ConnectionLost,
        /// <summary>The timer <see cref="ProvisioningEvent.TimerId"/> ran out.</summary>
        TimerExpired,
        /// <summary>The CSR source answered: <see cref="ProvisioningEvent.CsrPem"/> (null on failure).</summary>
        CsrCreated,
        /// <summary>A persist finished: <see cref="ProvisioningEvent.StoreStatus"/>.</summary>
        PersistCompleted,
    }
}
