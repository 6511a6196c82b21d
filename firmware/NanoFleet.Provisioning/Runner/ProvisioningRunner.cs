using System;
using NanoFleet.Hal;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// Runs a <see cref="ProvisioningMachine"/> on the calling thread: it turns the machine's actions
    /// into HAL calls and HAL callbacks into machine events, through a queue and a wait handle. No
    /// generics, no async: the same code runs on nanoFramework and on .NET.
    /// </summary>
    /// <remarks>
    /// HAL callbacks (<see cref="IMqttSession"/> events) may come on any thread; they are only
    /// queued. Everything else, including every HAL call and every event this class raises, happens
    /// on the thread that called <see cref="Run"/>. The single timer the machine uses is kept as a
    /// deadline on <see cref="IClock.MonotonicMilliseconds"/>; the runner sleeps on the queue's wait
    /// handle until the deadline or the next callback.
    /// </remarks>
    /// <example>
    /// <code>
    /// var options = new ProvisioningOptionsBuilder().WithClaimDefaults(claim).Build();
    /// var runner = new ProvisioningRunner(session, clock, random, identity, rebooter, log, store, null, claim, options);
    /// runner.StepChanged += (s, e) => Console.WriteLine(e.StepName);
    /// RunResult result = runner.Run();
    /// if (result.Outcome == RunOutcome.Operational) { /* use session as result.ThingName */ }
    /// </code>
    /// </example>
    public sealed partial class ProvisioningRunner
    {
        private readonly IMqttSession _session;
        private readonly IClock _clock;
        private readonly IRebooter _rebooter;
        private readonly ILogSink _log;
        private readonly ICredentialStore _store;
        private readonly ICsrSource? _csrSource;
        private readonly ProvisioningMachine _machine;
        private readonly ActionList _actions = new ActionList();
        private readonly EventQueue _queue = new EventQueue();
        private readonly SubscriptionTable _subscriptions = new SubscriptionTable();
        private readonly MqttMessageReceivedEventHandler _onMessage;
        private readonly MqttSubscribeAcknowledgedEventHandler _onSubscribeAcknowledged;
        private readonly MqttConnectionLostEventHandler _onConnectionLost;

        private bool _started;
        private readonly object _stopLock = new object();
        private bool _stopRequested;
        private bool _finished;
        private RunOutcome _outcome;
        private bool _timerArmed;
        private int _timerId;
        private long _timerDeadline;

        /// <summary>Creates a runner; nothing happens until <see cref="Run"/>.</summary>
        /// <param name="session">The MQTT session; after an Operational run it stays connected for the application.</param>
        /// <param name="clock">Monotonic time for timeouts and token age; wall time for the record's stamp.</param>
        /// <param name="random">Backoff jitter.</param>
        /// <param name="identity">The device MAC (RegisterThing parameter, client id, CSR common name).</param>
        /// <param name="rebooter">Called after the record is persisted.</param>
        /// <param name="log">Receives the core's log events (never secrets).</param>
        /// <param name="store">The device-credential record.</param>
        /// <param name="csrSource">When not null, CreateCertificateFromCsr is used and the key stays on the device.</param>
        /// <param name="claim">The factory claim: endpoint, CA, claim certificate and key.</param>
        /// <param name="options">Template, format, parameters, timeouts and retry bounds.</param>
        /// <exception cref="ArgumentNullException">A required argument is null.</exception>
        /// <exception cref="ArgumentException">The identity has no MAC address.</exception>
        public ProvisioningRunner(IMqttSession session, IClock clock, IRandomSource random, IDeviceIdentity identity, IRebooter rebooter,
            ILogSink log, ICredentialStore store, ICsrSource? csrSource, ProvisioningClaim claim, ProvisioningOptions options)
        {
            if (session == null) throw new ArgumentNullException(nameof(session));
            if (clock == null) throw new ArgumentNullException(nameof(clock));
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            if (rebooter == null) throw new ArgumentNullException(nameof(rebooter));
            if (log == null) throw new ArgumentNullException(nameof(log));
            if (store == null) throw new ArgumentNullException(nameof(store));

            _session = session;
            _clock = clock;
            _rebooter = rebooter;
            _log = log;
            _store = store;
            _csrSource = csrSource;
            _machine = new ProvisioningMachine(options, claim, identity.MacAddress, csrSource != null, random);
            _onMessage = (sender, e) => _queue.Enqueue(ProvisioningEvent.MessageReceived(e.Topic, e.Payload, 0, e.Payload.Length));
            _onSubscribeAcknowledged = (sender, e) => _queue.Enqueue(e);
            _onConnectionLost = (sender, e) => _queue.Enqueue(ProvisioningEvent.ConnectionLost(e.Reason));
        }

        /// <summary>Raised on the <see cref="Run"/> thread each time the device enters a new step.</summary>
        public event ProvisioningStepChangedEventHandler? StepChanged;

        /// <summary>Raised on the <see cref="Run"/> thread when the device is connected as its thing, just before <see cref="Run"/> returns.</summary>
        public event ProvisioningBecameOperationalEventHandler? BecameOperational;

        /// <summary>The machine's current step (read from any thread; it may be one step behind).</summary>
        public ProvisioningStep Step => _machine.Step;

        /// <summary>The thing name of the record just persisted (from <see cref="ProvisioningStep.Rebooting"/> on) or connected with; "" before.
        /// Read it on the <see cref="Run"/> thread, e.g. in a <see cref="StepChanged"/> handler.</summary>
        public string ThingName
        {
            get
            {
                DeviceCredentials? credentials = _machine.Credentials;
                return credentials == null ? "" : credentials.ThingName;
            }
        }

        /// <summary>
        /// Loads the stored record and runs the flow on the calling thread until the device is
        /// operational, a reboot was requested and <see cref="IRebooter.Reboot"/> returned, or
        /// <see cref="Stop"/> was called. It can be called once per runner.
        /// </summary>
        /// <returns>How the run ended; for <see cref="RunOutcome.Operational"/> the session is connected as the thing.</returns>
        /// <exception cref="InvalidOperationException">Run was already called.</exception>
        public RunResult Run()
        {
            if (_started)
            {
                throw new InvalidOperationException("Failed to start the provisioning runner: Run was already called.");
            }

            _started = true;
            _session.MessageReceived += _onMessage;
            _session.SubscribeAcknowledged += _onSubscribeAcknowledged;
            _session.ConnectionLost += _onConnectionLost;
            try
            {
                Dispatch(ProvisioningEvent.Boot(LoadStoredCredentials()));
                while (!_finished && !StopRequested)
                {
                    object? item = _queue.TryDequeue();
                    if (item != null)
                    {
                        Dispatch(ToEvent(item));
                        continue;
                    }

                    long now = _clock.MonotonicMilliseconds;
                    if (_timerArmed && now >= _timerDeadline)
                    {
                        _timerArmed = false;
                        Dispatch(ProvisioningEvent.TimerExpired(_timerId));
                        continue;
                    }

                    long wait = _timerArmed ? _timerDeadline - now : -1;
                    _queue.Wait(wait > int.MaxValue ? int.MaxValue : (int)wait);
                }
            }
            finally
            {
                _session.MessageReceived -= _onMessage;
                _session.SubscribeAcknowledged -= _onSubscribeAcknowledged;
                _session.ConnectionLost -= _onConnectionLost;
            }

            RunOutcome outcome = _finished ? _outcome : RunOutcome.Stopped;
            if (outcome == RunOutcome.Stopped)
            {
                Disconnect(); // a half-provisioned claim session is of no use to anyone
            }

            return new RunResult(outcome, _machine.Step, outcome == RunOutcome.Stopped ? null : _machine.Credentials);
        }

        /// <summary>Asks <see cref="Run"/> to return after the action it is carrying out (it then closes the
        /// session and reports <see cref="RunOutcome.Stopped"/>); safe from any thread.</summary>
        public void Stop()
        {
            lock (_stopLock)
            {
                _stopRequested = true;
            }

            _queue.Wake();
        }

        // nanoFramework's mscorlib has no volatile (IsVolatile); a lock gives the same visibility.
        private bool StopRequested
        {
            get
            {
                lock (_stopLock)
                {
                    return _stopRequested;
                }
            }
        }

        private ProvisioningEvent ToEvent(object item)
        {
            var subscribeAcknowledged = item as MqttSubscribeAcknowledgedEventArgs;
            return subscribeAcknowledged == null
                ? (ProvisioningEvent)item
                : ProvisioningEvent.SubscribeAcknowledged(_subscriptions.Take(subscribeAcknowledged.PacketId), subscribeAcknowledged.Granted);
        }

        private void Dispatch(ProvisioningEvent e)
        {
            e.AtMilliseconds = _clock.MonotonicMilliseconds;
            e.AtUnixSeconds = _clock.UtcUnixSeconds;
            _actions.Clear();
            _machine.Handle(e, _actions);
            for (int i = 0; i < _actions.Count; i++)
            {
                Execute(_actions[i]);
            }
        }

        private void Execute(ProvisioningAction action)
        {
            switch (action.Kind)
            {
                case ProvisioningActionKind.Connect:
                    _queue.Enqueue(ProvisioningEvent.ConnectCompleted(Connect(action.Credentials!)));
                    break;
                case ProvisioningActionKind.Subscribe:
                    Subscribe(action.Topic!);
                    break;
                case ProvisioningActionKind.Publish:
                    Publish(action.Topic!, action.Payload!, action.PayloadCount);
                    break;
                case ProvisioningActionKind.Disconnect:
                    Disconnect();
                    break;
                case ProvisioningActionKind.StartTimer:
                    _timerArmed = true;
                    _timerId = action.TimerId;
                    _timerDeadline = _clock.MonotonicMilliseconds + action.DelayMilliseconds;
                    break;
                case ProvisioningActionKind.CreateCsr:
                    CreateCsr(action.Text);
                    break;
                case ProvisioningActionKind.Persist:
                    _queue.Enqueue(ProvisioningEvent.PersistCompleted(Save(action.DeviceCredentials!)));
                    break;
                case ProvisioningActionKind.MarkCredentialsBad:
                    MarkCredentialsBad();
                    break;
                case ProvisioningActionKind.Reboot:
                    _finished = true;
                    _outcome = RunOutcome.RebootRequested;
                    _rebooter.Reboot();
                    break;
                case ProvisioningActionKind.Log:
                    _log.Log(action.Level, action.Text, action.Detail);
                    break;
                case ProvisioningActionKind.StepChanged:
                    StepChanged?.Invoke(this, new StepChangedEventArgs(action.Step, _machine.Attempts,
                        action.Step == ProvisioningStep.BackingOff ? _machine.LastFailure : ""));
                    break;
                case ProvisioningActionKind.BecameOperational:
                    _finished = true;
                    _outcome = RunOutcome.Operational;
                    BecameOperational?.Invoke(this, new BecameOperationalEventArgs(action.Text));
                    break;
            }
        }
    }
}
