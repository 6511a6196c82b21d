namespace NanoFleet.Provisioning
{
    /// <summary>Where a device is on its way to operation; the UI shows one of these per device.</summary>
    public enum ProvisioningStep
    {
        /// <summary>Not started: waiting for the boot event.</summary>
        Idle = 0,
        /// <summary>Connecting with the stored device certificate.</summary>
        ConnectingAsThing,
        /// <summary>Connecting with the factory claim certificate.</summary>
        ConnectingWithClaim,
        /// <summary>Subscribing to the create API's accepted and rejected topics, waiting for both SUBACKs.</summary>
        SubscribingCreate,
        /// <summary>Asking the CSR source for a key pair and request.</summary>
        CreatingCsr,
        /// <summary>CreateKeysAndCertificate or CreateCertificateFromCsr sent; waiting for the response.</summary>
        RequestingCertificate,
        /// <summary>Subscribing to RegisterThing's accepted and rejected topics, waiting for both SUBACKs.</summary>
        SubscribingRegister,
        /// <summary>RegisterThing sent; waiting for the response.</summary>
        RegisteringThing,
        /// <summary>Writing the device-credential record.</summary>
        Persisting,
        /// <summary>Waiting before the next attempt after a failure.</summary>
        BackingOff,
        /// <summary>The record is written; the device restarts onto it.</summary>
        Rebooting,
        /// <summary>Connected as the thing; the application owns the session now.</summary>
        Operational,
    }
}
