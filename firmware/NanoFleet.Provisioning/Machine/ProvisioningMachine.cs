using System;
using NanoFleet.Hal;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// The provisioning flow as a pure transition function: <see cref="Handle"/> takes the current
    /// state and one event and writes the actions to carry out. It never blocks, owns no thread and
    /// does no I/O, so every path can be driven in tests with a fake clock.
    /// </summary>
    /// <remarks>
    /// The flow: boot with a valid record → connect as the thing → operational. Otherwise connect
    /// with the claim → subscribe to the create API's accepted and rejected topics (both SUBACKs
    /// granted) → CreateKeysAndCertificate, or CreateCertificateFromCsr when a CSR source exists →
    /// subscribe to RegisterThing's topics → RegisterThing with the configured parameters plus the
    /// MAC → persist the complete record → reboot. <see cref="Advance"/> derives the next step from
    /// what is already held (session, subscriptions, certificate, record), so every retry resumes
    /// where the flow broke off instead of starting over.
    /// </remarks>
    /// <example>
    /// <code>
    /// var machine = new ProvisioningMachine(options, claim, "a4cf12003456", false, random);
    /// var actions = new ActionList();
    /// machine.Handle(ProvisioningEvent.Boot(null), actions);   // → StepChanged, Connect(claim), StartTimer
    /// </code>
    /// </example>
    public sealed partial class ProvisioningMachine
    {
        private static readonly byte[] NoBytes = new byte[0];

        private readonly ProvisioningOptions _options;
        private readonly ProvisioningClaim _claim;
        private readonly IRandomSource _random;
        private readonly MqttCredentials _claimCredentials;
        private readonly string _clientId;
        private readonly bool _useCsr;
        private readonly RegisterThingRequest _registerRequest;
        private readonly string _createRequestTopic;
        private readonly string _createAcceptedTopic;
        private readonly string _createRejectedTopic;
        private readonly string _registerRequestTopic;
        private readonly string _registerAcceptedTopic;
        private readonly string _registerRejectedTopic;

        // Parse targets, reused for every response so reading allocates only the strings kept.
        private readonly CreateCertificateAccepted _createAccepted = new CreateCertificateAccepted();
        private readonly RegisterThingAccepted _registerAccepted = new RegisterThingAccepted();
        private ErrorResponse? _errorResponse; // made by the first rejection: a clean run has none
        private readonly FpReadError _readError = new FpReadError();
        private byte[] _requestBuffer = NoBytes; // the create request's, sized by the first that needs more

        private ProvisioningStep _step = ProvisioningStep.Idle;
        private int _timerId;
        private int _attempts;
        private int _credentialsRejected;
        private string _lastFailure = "";

        // What the flow already holds; Advance() picks the next step from these.
        private MqttCredentials? _thingCredentials;
        private bool _connected;
        private bool _createAcceptedGranted;
        private bool _createRejectedGranted;
        private bool _registerAcceptedGranted;
        private bool _registerRejectedGranted;
        private byte[]? _csrPem;
        private byte[]? _csrPrivateKeyPem;
        private string? _certificateId;
        private byte[]? _certificatePem;
        private byte[]? _privateKeyPem;
        private long _tokenReceivedAt;
        private DeviceCredentials? _credentials;

        /// <summary>Creates a machine in <see cref="ProvisioningStep.Idle"/>; send <see cref="ProvisioningEventKind.Boot"/> first.</summary>
        /// <param name="options">Validated options (template, format, parameters, timeouts, retry bounds).</param>
        /// <param name="claim">The factory claim: endpoint, CA, claim certificate and key.</param>
        /// <param name="macAddress">The device MAC; sent as a RegisterThing parameter and part of the client id.</param>
        /// <param name="useCsr">True when a CSR source exists: use CreateCertificateFromCsr instead of CreateKeysAndCertificate.</param>
        /// <param name="random">Jitter for backoff.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">The MAC is empty.</exception>
        public ProvisioningMachine(ProvisioningOptions options, ProvisioningClaim claim, string macAddress, bool useCsr, IRandomSource random)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (claim == null) throw new ArgumentNullException(nameof(claim));
            if (macAddress == null) throw new ArgumentNullException(nameof(macAddress));
            if (random == null) throw new ArgumentNullException(nameof(random));
            if (macAddress.Length == 0) throw new ArgumentException("The device MAC address is empty.", nameof(macAddress));

            _options = options;
            _claim = claim;
            _random = random;
            _useCsr = useCsr;
            _clientId = options.ClientIdPrefix + macAddress;
            _claimCredentials = new MqttCredentials(claim.EndpointHost, claim.EndpointPort, _clientId, claim.CaPem, claim.CertificatePem, claim.PrivateKeyPem);
            _registerRequest = new RegisterThingRequest(options.Format, options.Parameters, options.MacParameterName, macAddress);

            FpApi createApi = useCsr ? FpApi.CreateCertificateFromCsr : FpApi.CreateKeysAndCertificate;
            // A response topic is its request topic plus a suffix (FpTopics.GetTopic builds it so):
            // appending the suffix once spares building each request topic three times over.
            _createRequestTopic = Topic(createApi, FpApiTopic.Publish);
            _createAcceptedTopic = _createRequestTopic + FpTopics.AcceptedSuffix;
            _createRejectedTopic = _createRequestTopic + FpTopics.RejectedSuffix;
            _registerRequestTopic = Topic(FpApi.RegisterThing, FpApiTopic.Publish);
            _registerAcceptedTopic = _registerRequestTopic + FpTopics.AcceptedSuffix;
            _registerRejectedTopic = _registerRequestTopic + FpTopics.RejectedSuffix;
        }

        /// <summary>The current step.</summary>
        public ProvisioningStep Step => _step;

        /// <summary>Transient failures in a row in the current episode (reset by progress and by the long backoff).</summary>
        public int Attempts => _attempts;

        /// <summary>Rejected connects as the thing in a row.</summary>
        public int CredentialsRejectedCount => _credentialsRejected;

        /// <summary>True while a new certificate and its ownership token are held (between create and register).</summary>
        public bool HoldsCertificate => _certificateId != null;

        /// <summary>The log event name of the latest failure, e.g. "RegisteringThingTransientFailure"; "" before any.</summary>
        public string LastFailure => _lastFailure;

        /// <summary>The id of the timer whose expiry the machine acts on; earlier timers are ignored.</summary>
        public int CurrentTimerId => _timerId;

        /// <summary>The device record: the one booted with, or the complete one built after RegisterThing; null before.</summary>
        public DeviceCredentials? Credentials => _credentials;

        /// <summary>The MQTT client id of the claim session (prefix + MAC); also the CSR's common name.</summary>
        public string ClientId => _clientId;

        /// <summary>Handles one event and appends the actions to carry out, in order, to <paramref name="actions"/>.</summary>
        /// <param name="e">The event, stamped with the time it happened.</param>
        /// <param name="actions">The caller's list; the machine only appends (clear it between events).</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public void Handle(ProvisioningEvent e, ActionList actions)
        {
            if (e == null) throw new ArgumentNullException(nameof(e));
            if (actions == null) throw new ArgumentNullException(nameof(actions));

            switch (e.Kind)
            {
                case ProvisioningEventKind.Boot: OnBoot(e, actions); break;
                case ProvisioningEventKind.ConnectCompleted: OnConnectCompleted(e, actions); break;
                case ProvisioningEventKind.SubscribeAcknowledged: OnSubscribeAcknowledged(e, actions); break;
                case ProvisioningEventKind.MessageReceived: OnMessageReceived(e, actions); break;
                case ProvisioningEventKind.PublishFailed: OnSessionBroken(e, "publish failed: ", actions); break;
                case ProvisioningEventKind.ConnectionLost: OnSessionBroken(e, "connection lost: ", actions); break;
                case ProvisioningEventKind.TimerExpired: OnTimerExpired(e, actions); break;
                case ProvisioningEventKind.CsrCreated: OnCsrCreated(e, actions); break;
                case ProvisioningEventKind.PersistCompleted: OnPersistCompleted(e, actions); break;
            }
        }

        private void OnBoot(ProvisioningEvent e, ActionList actions)
        {
            if (_step != ProvisioningStep.Idle)
            {
                actions.AddLog(LogLevel.Warning, "BootIgnored", "already started, in step " + ProvisioningNames.Of(_step));
                return;
            }

            DeviceCredentials? stored = e.StoredCredentials;
            if (stored != null && stored.IsComplete)
            {
                _credentials = stored;
                _thingCredentials = new MqttCredentials(_claim.EndpointHost, _claim.EndpointPort, stored.ThingName, _claim.CaPem, stored.CertificatePem, stored.PrivateKeyPem);
                actions.AddLog(LogLevel.Info, "BootedWithDeviceCredentials", stored.ThingName);
            }
            else
            {
                actions.AddLog(LogLevel.Info, "BootedWithoutDeviceCredentials", _options.TemplateName);
            }

            Advance(e, actions);
        }

        /// <summary>Starts whatever the flow needs next, given what it already holds.</summary>
        private void Advance(ProvisioningEvent e, ActionList actions)
        {
            if (_thingCredentials != null)
            {
                SetStep(ProvisioningStep.ConnectingAsThing, actions);
                actions.Add(ProvisioningActionKind.Connect).SetConnect(_thingCredentials);
                StartStepTimer(actions);
            }
            else if (_credentials != null)
            {
                // Registered: nothing left to ask the cloud, only the record to write.
                SetStep(ProvisioningStep.Persisting, actions);
                actions.Add(ProvisioningActionKind.Persist).SetDeviceCredentials(_credentials);
                StartStepTimer(actions);
            }
            else if (!_connected)
            {
                SetStep(ProvisioningStep.ConnectingWithClaim, actions);
                actions.Add(ProvisioningActionKind.Connect).SetConnect(_claimCredentials);
                StartStepTimer(actions);
            }
            else if (_certificateId == null)
            {
                AdvanceCreate(actions);
            }
            else if (TokenTooOld(e.AtMilliseconds))
            {
                actions.AddLog(LogLevel.Warning, "RegisteringThingTokenExpiring",
                    "ownership token of certificate " + _certificateId + " is within " + _options.TokenExpiryMarginMilliseconds + " ms of expiry; creating a new certificate");
                DropCertificate();
                AdvanceCreate(actions);
            }
            else if (!_registerAcceptedGranted || !_registerRejectedGranted)
            {
                SetStep(ProvisioningStep.SubscribingRegister, actions);
                if (!_registerAcceptedGranted) actions.Add(ProvisioningActionKind.Subscribe).SetTopic(_registerAcceptedTopic);
                if (!_registerRejectedGranted) actions.Add(ProvisioningActionKind.Subscribe).SetTopic(_registerRejectedTopic);
                StartStepTimer(actions);
            }
            else
            {
                PublishRegisterThing(actions);
            }
        }

        private void AdvanceCreate(ActionList actions)
        {
            if (!_createAcceptedGranted || !_createRejectedGranted)
            {
                SetStep(ProvisioningStep.SubscribingCreate, actions);
                if (!_createAcceptedGranted) actions.Add(ProvisioningActionKind.Subscribe).SetTopic(_createAcceptedTopic);
                if (!_createRejectedGranted) actions.Add(ProvisioningActionKind.Subscribe).SetTopic(_createRejectedTopic);
                StartStepTimer(actions);
            }
            else if (_useCsr && _csrPem == null)
            {
                SetStep(ProvisioningStep.CreatingCsr, actions);
                actions.Add(ProvisioningActionKind.CreateCsr).SetText(_clientId);
                StartStepTimer(actions);
            }
            else
            {
                PublishCreate(actions);
            }
        }

        private void PublishCreate(ActionList actions)
        {
            int written;
            FpStatus status = WriteCreateRequest(out written);
            if (status == FpStatus.BufferTooSmall)
            {
                // Grow to the exact size once (a CSR request is the largest; a retry reuses it).
                _requestBuffer = new byte[written];
                status = WriteCreateRequest(out written);
            }

            SetStep(ProvisioningStep.RequestingCertificate, actions);
            if (status != FpStatus.Success)
            {
                Fail(FailureClass.Permanent, "could not encode the request (is the CSR UTF-8?)", actions);
                return;
            }

            Publish(_createRequestTopic, _requestBuffer, written, actions);
        }

        private FpStatus WriteCreateRequest(out int written) => _useCsr
            ? FpPayloadWriter.WriteCreateCertificateFromCsrRequest(_options.Format, _csrPem!, _requestBuffer, 0, out written)
            : FpPayloadWriter.WriteCreateKeysAndCertificateRequest(_options.Format, _requestBuffer, 0, out written);

        /// <summary>Sends the request composed when the certificate arrived (it holds the token; retries resend it).</summary>
        private void PublishRegisterThing(ActionList actions)
        {
            SetStep(ProvisioningStep.RegisteringThing, actions);
            byte[] request = _registerRequest.Payload!;
            Publish(_registerRequestTopic, request, request.Length, actions);
        }

        private void Publish(string topic, byte[] payload, int count, ActionList actions)
        {
            ProvisioningAction publish = actions.Add(ProvisioningActionKind.Publish);
            publish.SetTopic(topic);
            publish.SetPayload(payload, count);
            StartStepTimer(actions);
        }

        private bool TokenTooOld(long now) =>
            now - _tokenReceivedAt >= ProvisioningOptions.OwnershipTokenLifetimeMilliseconds - _options.TokenExpiryMarginMilliseconds;

        private void DropCertificate()
        {
            _certificateId = null;
            _certificatePem = null;
            _privateKeyPem = null; // not wiped: in the CSR flow it is the CSR's key, which the next request reuses
            _registerRequest.Wipe(); // and the token in it
        }

        private void SetStep(ProvisioningStep step, ActionList actions)
        {
            if (_step != step)
            {
                _step = step;
                actions.Add(ProvisioningActionKind.StepChanged).SetStep(step);
            }
        }

        private void StartStepTimer(ActionList actions) => StartTimer(_options.StepTimeoutMilliseconds, actions);

        private void StartTimer(int delayMilliseconds, ActionList actions)
        {
            _timerId++;
            actions.Add(ProvisioningActionKind.StartTimer).SetTimer(_timerId, delayMilliseconds);
        }

        private string Topic(FpApi api, FpApiTopic kind)
        {
            string topic;
            if (FpTopics.GetTopic(api, _options.Format, kind, api == FpApi.RegisterThing ? _options.TemplateName : null, out topic) != FpStatus.Success)
            {
                throw new ArgumentException("Failed to build a provisioning topic for template '" + _options.TemplateName + "'.", "options");
            }

            return topic;
        }
    }
}
