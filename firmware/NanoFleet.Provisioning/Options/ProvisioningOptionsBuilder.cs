using System;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// Builds <see cref="ProvisioningOptions"/> fluently; <see cref="Build"/> validates everything and
    /// throws an <see cref="InvalidOperationException"/> that names the bad value.
    /// </summary>
    /// <example>
    /// <code>
    /// ProvisioningOptions options = new ProvisioningOptionsBuilder()
    ///     .WithClaimDefaults(claim)            // template, format and parameters from the claim partition
    ///     .WithStepTimeout(15000)
    ///     .WithBackoff(1000, 60000, 6)
    ///     .Build();
    /// </code>
    /// </example>
    public sealed class ProvisioningOptionsBuilder
    {
        internal string TemplateName = "";
        internal FpFormat Format = FpFormat.Json;
        internal readonly StringMap Parameters = new StringMap();
        internal string MacParameterName = "MacAddress";
        internal string ClientIdPrefix = "nanofleet-";
        internal int StepTimeoutMilliseconds = 15000;
        internal int BackoffBaseMilliseconds = 1000;
        internal int BackoffCapMilliseconds = 60000;
        internal int MaxAttempts = 6;
        internal int PermanentFailureBackoffMilliseconds = 900000;
        internal int TokenExpiryMarginMilliseconds = 300000;
        internal int CredentialsRejectedLimit = 3;

        /// <summary>Takes template name, format and RegisterThing parameters from the factory claim.</summary>
        /// <param name="claim">The claim read from the esp_secure_cert partition.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentNullException">claim is null.</exception>
        public ProvisioningOptionsBuilder WithClaimDefaults(ProvisioningClaim claim)
        {
            if (claim == null)
            {
                throw new ArgumentNullException(nameof(claim));
            }

            TemplateName = claim.TemplateName;
            Format = claim.Format;
            for (int i = 0; i < claim.Parameters.Count; i++)
            {
                Parameters.Set(claim.Parameters.KeyAt(i), claim.Parameters.ValueAt(i));
            }

            return this;
        }

        /// <summary>Sets the fleet-provisioning template name.</summary>
        /// <param name="templateName">1–36 characters of [0-9A-Za-z_-]; checked in <see cref="Build"/>.</param>
        /// <returns>This builder.</returns>
        public ProvisioningOptionsBuilder WithTemplateName(string templateName)
        {
            TemplateName = templateName;
            return this;
        }

        /// <summary>Sets the payload format (JSON or CBOR) of the provisioning API.</summary>
        /// <returns>This builder.</returns>
        public ProvisioningOptionsBuilder WithFormat(FpFormat format)
        {
            Format = format;
            return this;
        }

        /// <summary>Adds or replaces one RegisterThing parameter.</summary>
        /// <returns>This builder.</returns>
        public ProvisioningOptionsBuilder WithParameter(string name, string value)
        {
            Parameters.Set(name, value);
            return this;
        }

        /// <summary>Names the RegisterThing parameter that carries the device MAC (default "MacAddress").</summary>
        /// <returns>This builder.</returns>
        public ProvisioningOptionsBuilder WithMacParameterName(string name)
        {
            MacParameterName = name;
            return this;
        }

        /// <summary>Sets the claim session's client-id prefix (the MAC is appended; default "nanofleet-").</summary>
        /// <returns>This builder.</returns>
        public ProvisioningOptionsBuilder WithClientIdPrefix(string prefix)
        {
            ClientIdPrefix = prefix;
            return this;
        }

        /// <summary>Sets the timeout of every step (default 15 s).</summary>
        /// <returns>This builder.</returns>
        public ProvisioningOptionsBuilder WithStepTimeout(int milliseconds)
        {
            StepTimeoutMilliseconds = milliseconds;
            return this;
        }

        /// <summary>Sets exponential backoff with full jitter for transient failures.</summary>
        /// <param name="baseMilliseconds">Ceiling of the first retry's delay (default 1 s).</param>
        /// <param name="capMilliseconds">Largest ceiling (default 60 s).</param>
        /// <param name="maxAttempts">Transient failures in a row before the long backoff (default 6).</param>
        /// <returns>This builder.</returns>
        public ProvisioningOptionsBuilder WithBackoff(int baseMilliseconds, int capMilliseconds, int maxAttempts)
        {
            BackoffBaseMilliseconds = baseMilliseconds;
            BackoffCapMilliseconds = capMilliseconds;
            MaxAttempts = maxAttempts;
            return this;
        }

        /// <summary>Sets the long wait after a permanent failure (default 15 min).</summary>
        /// <returns>This builder.</returns>
        public ProvisioningOptionsBuilder WithPermanentFailureBackoff(int milliseconds)
        {
            PermanentFailureBackoffMilliseconds = milliseconds;
            return this;
        }

        /// <summary>Sets how close to its one-hour expiry a token may get before RegisterThing is abandoned (default 5 min).</summary>
        /// <returns>This builder.</returns>
        public ProvisioningOptionsBuilder WithTokenExpiryMargin(int milliseconds)
        {
            TokenExpiryMarginMilliseconds = milliseconds;
            return this;
        }

        /// <summary>Sets how many rejected connects as the thing, in a row, mark the record bad (default 3).</summary>
        /// <returns>This builder.</returns>
        public ProvisioningOptionsBuilder WithCredentialsRejectedLimit(int limit)
        {
            CredentialsRejectedLimit = limit;
            return this;
        }

        /// <summary>Validates the settings and makes the options.</summary>
        /// <returns>The options.</returns>
        /// <exception cref="InvalidOperationException">A value is missing or out of range; the message names it.</exception>
        public ProvisioningOptions Build()
        {
            if (!FpTopics.IsValidTemplateName(TemplateName))
            {
                throw new InvalidOperationException("Template name '" + TemplateName + "' is not 1-36 characters of [0-9A-Za-z_-].");
            }

            if (Format != FpFormat.Json && Format != FpFormat.Cbor)
            {
                throw new InvalidOperationException("Format must be Json or Cbor.");
            }

            RequireText(MacParameterName, "MAC parameter name");
            if (ClientIdPrefix == null)
            {
                throw new InvalidOperationException("Client id prefix must not be null.");
            }

            RequireAtLeast(StepTimeoutMilliseconds, 1, "Step timeout");
            RequireAtLeast(BackoffBaseMilliseconds, 1, "Backoff base");
            RequireAtLeast(BackoffCapMilliseconds, BackoffBaseMilliseconds, "Backoff cap");
            RequireAtLeast(MaxAttempts, 1, "Max attempts");
            RequireAtLeast(PermanentFailureBackoffMilliseconds, 1, "Permanent failure backoff");
            RequireAtLeast(TokenExpiryMarginMilliseconds, 0, "Token expiry margin");
            if (TokenExpiryMarginMilliseconds >= ProvisioningOptions.OwnershipTokenLifetimeMilliseconds)
            {
                throw new InvalidOperationException("Token expiry margin " + TokenExpiryMarginMilliseconds + " ms must be below the token's one-hour lifetime.");
            }

            RequireAtLeast(CredentialsRejectedLimit, 1, "Credentials-rejected limit");
            for (int i = 0; i < Parameters.Count; i++)
            {
                RequireText(Parameters.KeyAt(i), "Parameter name");
                if (Parameters.ValueAt(i) == null)
                {
                    throw new InvalidOperationException("Parameter '" + Parameters.KeyAt(i) + "' has no value.");
                }
            }

            return new ProvisioningOptions(this);
        }

        private static void RequireText(string value, string what)
        {
            if (value == null || value.Length == 0)
            {
                throw new InvalidOperationException(what + " must not be empty.");
            }
        }

        private static void RequireAtLeast(int value, int minimum, string what)
        {
            if (value < minimum)
            {
                throw new InvalidOperationException(what + " is " + value + "; it must be at least " + minimum + ".");
            }
        }
    }
}
