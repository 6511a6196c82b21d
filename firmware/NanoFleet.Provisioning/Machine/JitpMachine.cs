using NanoFleet.Hal;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// The just-in-time provisioning boot path, as pure transitions. The device holds its own certificate from a CA
    /// registered with AWS IoT (and that CA in the chain), no claim and no template. It connects as its thing; on AWS
    /// the first connection of an unregistered certificate is closed while AWS registers it and runs the CA's template,
    /// so the first failure is expected. Every failure is retried after a full-jitter backoff (<see cref="Backoff"/>),
    /// and after <c>maxAttempts</c> failures in a row after the long delay, until a connection is accepted.
    /// </summary>
    /// <example><code>
    /// var machine = new JitpMachine(1000, 60000, 6, 900000, random);
    /// JitpAction next = machine.Start();                        // Connect
    /// next = machine.ConnectFinished(MqttConnectResult.Error);  // Wait (FirstConnectionClosed)
    /// next = machine.WaitOver();                                // Connect
    /// next = machine.ConnectFinished(MqttConnectResult.Success);// Operational
    /// </code></example>
    public sealed class JitpMachine
    {
        /// <summary>The failure name of the first connection's close, which JITP expects.</summary>
        public const string FirstConnectionClosed = "FirstConnectionClosed";

        /// <summary>The failure name of any later failed connection.</summary>
        public const string ConnectFailed = "ConnectingAsThingFailed";

        private readonly int _backoffBase;
        private readonly int _backoffCap;
        private readonly int _maxAttempts;
        private readonly int _longBackoff;
        private readonly IRandomSource _random;

        /// <summary>Creates the machine in <see cref="ProvisioningStep.Idle"/>.</summary>
        /// <param name="backoffBaseMilliseconds">Ceiling of the first retry delay.</param>
        /// <param name="backoffCapMilliseconds">Largest ceiling.</param>
        /// <param name="maxAttempts">Failures in a row before the long delay.</param>
        /// <param name="longBackoffMilliseconds">The long delay's limit.</param>
        /// <param name="random">Jitter.</param>
        /// <exception cref="System.ArgumentException">A bound is not positive.</exception>
        public JitpMachine(int backoffBaseMilliseconds, int backoffCapMilliseconds, int maxAttempts, int longBackoffMilliseconds, IRandomSource random)
        {
            if (backoffBaseMilliseconds < 1 || backoffCapMilliseconds < backoffBaseMilliseconds || maxAttempts < 1 || longBackoffMilliseconds < 1)
            {
                throw new System.ArgumentException("Failed to create the JITP machine: backoff bounds must be positive, with the cap at least the base.");
            }

            if (random == null) throw new System.ArgumentNullException(nameof(random));
            _backoffBase = backoffBaseMilliseconds;
            _backoffCap = backoffCapMilliseconds;
            _maxAttempts = maxAttempts;
            _longBackoff = longBackoffMilliseconds;
            _random = random;
        }

        /// <summary>Idle, ConnectingAsThing, BackingOff or Operational.</summary>
        public ProvisioningStep Step { get; private set; } = ProvisioningStep.Idle;

        /// <summary>Failed connections in a row.</summary>
        public int Failures { get; private set; }

        /// <summary>After <see cref="JitpAction.Wait"/>: how long.</summary>
        public int DelayMilliseconds { get; private set; }

        /// <summary>After <see cref="JitpAction.Wait"/>: <see cref="FirstConnectionClosed"/> or <see cref="ConnectFailed"/>.</summary>
        public string Failure { get; private set; } = "";

        /// <summary>Boot: connect.</summary>
        /// <returns><see cref="JitpAction.Connect"/>, or None when already started.</returns>
        public JitpAction Start()
        {
            if (Step != ProvisioningStep.Idle) return JitpAction.None;
            Step = ProvisioningStep.ConnectingAsThing;
            return JitpAction.Connect;
        }

        /// <summary>A connect attempt ended.</summary>
        /// <returns>Operational on Success, otherwise Wait; None when no attempt was under way.</returns>
        public JitpAction ConnectFinished(MqttConnectResult result)
        {
            if (Step != ProvisioningStep.ConnectingAsThing) return JitpAction.None;
            if (result == MqttConnectResult.Success)
            {
                Step = ProvisioningStep.Operational;
                Failure = "";
                return JitpAction.Operational;
            }

            Failures++;
            Failure = Failures == 1 ? FirstConnectionClosed : ConnectFailed;
            DelayMilliseconds = Failures > _maxAttempts
                ? Backoff.Long(_longBackoff, _random)
                : Backoff.FullJitter(Failures, _backoffBase, _backoffCap, _random);
            Step = ProvisioningStep.BackingOff;
            return JitpAction.Wait;
        }

        /// <summary>The wait after a failure is over: connect again.</summary>
        /// <returns>Connect, or None when not waiting.</returns>
        public JitpAction WaitOver()
        {
            if (Step != ProvisioningStep.BackingOff) return JitpAction.None;
            Step = ProvisioningStep.ConnectingAsThing;
            return JitpAction.Connect;
        }
    }
}
