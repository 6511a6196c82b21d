namespace NanoFleet.Provisioning.Storage
{
    /// <summary>Result of a credential-store operation.</summary>
    public enum StoreStatus
    {
        /// <summary>Unexpected failure (flash error).</summary>
        Error = 0,
        /// <summary>Done.</summary>
        Success,
        /// <summary>No valid record: the device is not provisioned.</summary>
        NotFound,
        /// <summary>The record would not fit a slot.</summary>
        TooLarge,
        /// <summary>The credentials are incomplete and were not written.</summary>
        Incomplete,
    }

    /// <summary>
    /// Where the runner keeps the device credentials. The flash implementation
    /// (<c>DeviceCredentialStore</c>) is power-safe: a cut at any instant leaves the old or the new
    /// record, never a mix.
    /// </summary>
    public interface ICredentialStore
    {
        /// <summary>Loads the newest valid record into <paramref name="credentials"/>.</summary>
        /// <returns>Success, NotFound (nothing valid, or marked bad) or Error.</returns>
        StoreStatus Load(DeviceCredentials credentials);

        /// <summary>Persists a complete record as the newest.</summary>
        /// <returns>Success, Incomplete, TooLarge or Error.</returns>
        StoreStatus Save(DeviceCredentials credentials);

        /// <summary>Marks the current record bad so the next boot provisions again with the claim.</summary>
        /// <returns>Success, NotFound or Error.</returns>
        StoreStatus MarkBad();
    }
}
