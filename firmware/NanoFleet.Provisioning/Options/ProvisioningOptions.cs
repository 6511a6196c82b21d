namespace NanoFleet.Provisioning
{
    /// <summary>
    /// How the provisioning machine behaves: template, format, RegisterThing parameters, timeouts,
    /// retry bounds and the token and credential policies. Immutable; made by
    /// <see cref="ProvisioningOptionsBuilder"/>, which validates every value.
    /// </summary>
    public sealed class ProvisioningOptions
    {
        /// <summary>AWS's lifetime of a certificate ownership token: one hour.</summary>
        public const int OwnershipTokenLifetimeMilliseconds = 3600000;

        internal ProvisioningOptions(ProvisioningOptionsBuilder b)
        {
            TemplateName = b.TemplateName;
            Format = b.Format;
            Parameters = new StringMap();
            for (int i = 0; i < b.Parameters.Count; i++)
            {
                Parameters.Set(b.Parameters.KeyAt(i), b.Parameters.ValueAt(i));
            }

            MacParameterName = b.MacParameterName;
            ClientIdPrefix = b.ClientIdPrefix;
            StepTimeoutMilliseconds = b.StepTimeoutMilliseconds;
            BackoffBaseMilliseconds = b.BackoffBaseMilliseconds;
            BackoffCapMilliseconds = b.BackoffCapMilliseconds;
            MaxAttempts = b.MaxAttempts;
            PermanentFailureBackoffMilliseconds = b.PermanentFailureBackoffMilliseconds;
            TokenExpiryMarginMilliseconds = b.TokenExpiryMarginMilliseconds;
            CredentialsRejectedLimit = b.CredentialsRejectedLimit;
        }

        /// <summary>Fleet-provisioning template name (1–36 of [0-9A-Za-z_-]).</summary>
        public string TemplateName { get; }

        /// <summary>Payload format and topic suffix of the provisioning API.</summary>
        public FpFormat Format { get; }

        /// <summary>RegisterThing parameters (the device MAC is added under <see cref="MacParameterName"/>).</summary>
        public StringMap Parameters { get; }

        /// <summary>The RegisterThing parameter that carries the device MAC (default "MacAddress").</summary>
        public string MacParameterName { get; }

        /// <summary>MQTT client id of the claim session is this prefix plus the MAC (default "nanofleet-").</summary>
        public string ClientIdPrefix { get; }

        /// <summary>Longest wait for any one step: a connect, a SUBACK, a response, a CSR, a persist.</summary>
        public int StepTimeoutMilliseconds { get; }

        /// <summary>Backoff ceiling of the first retry; it doubles per retry up to <see cref="BackoffCapMilliseconds"/>.</summary>
        public int BackoffBaseMilliseconds { get; }

        /// <summary>Largest backoff ceiling of a transient retry.</summary>
        public int BackoffCapMilliseconds { get; }

        /// <summary>Transient failures in a row after which the machine gives up on quick retries and waits
        /// <see cref="PermanentFailureBackoffMilliseconds"/>.</summary>
        public int MaxAttempts { get; }

        /// <summary>The long wait after a permanent failure (access denied, unknown template, exhausted retries).</summary>
        public int PermanentFailureBackoffMilliseconds { get; }

        /// <summary>RegisterThing is never sent with a token this close to its one-hour expiry; the flow restarts instead.</summary>
        public int TokenExpiryMarginMilliseconds { get; }

        /// <summary>Connects as the thing that the broker rejects in a row before the record is marked bad.</summary>
        public int CredentialsRejectedLimit { get; }
    }
}
