using System;
using System.Collections.Generic;
using System.Text;
using NanoFleet.Hal;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Provisioning.Tests.Exploration
{
    /// <summary>
    /// Runs one <see cref="FaultPlan"/>: a deterministic stand-in for the runner (event queue, one
    /// timer, fake clock) around a real <see cref="ProvisioningMachine"/>, a <see cref="SimulatedCloud"/>
    /// and a store in memory, across reboots until the device is operational. It injects the fault at
    /// the first <see cref="FaultPlan.Repetitions"/> occurrences of the fault point and records every
    /// broken rule in <see cref="Violations"/>.
    /// </summary>
    public sealed class ExplorationRun
    {
        public const int MaxAttempts = 4;
        public const int BackoffBase = 1000;
        public const int BackoffCap = 8000;
        public const int LongBackoff = 600000;
        public const int StepTimeout = 10000;
        public const int TokenMargin = 300000;
        private const string Mac = "a4cf12003456";
        private const int MaxEvents = 20000;

        private readonly FaultPlan _plan;
        private readonly ProvisioningClaim _claim = MachineHarness.NewClaim();
        private readonly ProvisioningOptions _options;
        private readonly SimulatedCloud _cloud;
        private readonly Random _random = new Random(1234);
        private readonly ActionList _actions = new ActionList();
        private readonly Queue<ProvisioningEvent> _pending = new();
        private readonly List<ProvisioningEvent> _afterNextTimeout = new();
        private readonly HashSet<string> _subscribed = new();
        private readonly HashSet<FpApi> _inFlight = new();
        private ProvisioningMachine _machine = null!;
        private bool _connected;
        private bool _timerArmed;
        private int _timerId;
        private long _timerDeadline;
        private DeviceCredentials? _stored;
        private bool _storedBad;
        private bool _operational;
        private int _events;

        public ExplorationRun(FaultPlan plan)
        {
            _plan = plan;
            _claim.Format = plan.Format;
            _options = new ProvisioningOptionsBuilder().WithClaimDefaults(_claim).WithStepTimeout(StepTimeout)
                .WithBackoff(BackoffBase, BackoffCap, MaxAttempts).WithPermanentFailureBackoff(LongBackoff)
                .WithTokenExpiryMargin(TokenMargin).WithCredentialsRejectedLimit(3).Build();
            _cloud = new SimulatedCloud(plan.Format);
        }

        /// <summary>Broken rules, empty when the path behaved.</summary>
        public List<string> Violations { get; } = new();

        /// <summary>How many times the fault was actually injected.</summary>
        public int Injected { get; private set; }

        /// <summary>Reboots the device went through.</summary>
        public int Reboots { get; private set; }

        /// <summary>The fake clock at the end (ms).</summary>
        public long Now { get; private set; }

        /// <summary>Every log event name, in order.</summary>
        public List<string> LogNames { get; } = new();

        public ExplorationRun Run()
        {
            Boot();
            while (!_operational && Violations.Count == 0)
            {
                if (++_events > MaxEvents)
                {
                    Violations.Add($"no end after {MaxEvents} events (step {ProvisioningNames.Of(_machine.Step)})");
                    break;
                }

                if (_pending.Count > 0)
                {
                    Dispatch(_pending.Dequeue());
                }
                else if (_timerArmed)
                {
                    Now = Math.Max(Now, _timerDeadline);
                    _timerArmed = false;
                    bool acted = _timerId == _machine.CurrentTimerId;
                    if (acted) _inFlight.Clear(); // a timed-out request is abandoned
                    Dispatch(ProvisioningEvent.TimerExpired(_timerId));
                    foreach (var late in _afterNextTimeout) _pending.Enqueue(late);
                    _afterNextTimeout.Clear();
                }
                else
                {
                    Violations.Add($"stuck in {ProvisioningNames.Of(_machine.Step)}: nothing pending and no timer armed");
                }
            }

            if (Violations.Count == 0) CheckEnd();
            return this;
        }

        private void Boot()
        {
            _machine = new ProvisioningMachine(_options, _claim, Mac, _plan.UseCsr, new SystemRandom(_random));
            _pending.Clear();
            _afterNextTimeout.Clear();
            _timerArmed = false;
            _connected = false;
            _subscribed.Clear();
            _inFlight.Clear();
            Dispatch(ProvisioningEvent.Boot(_stored != null && !_storedBad ? Copy(_stored) : null));
        }

        private void Dispatch(ProvisioningEvent e)
        {
            e.AtMilliseconds = Now;
            e.AtUnixSeconds = 1700000000 + Now / 1000;
            ProvisioningStep before = _machine.Step;
            _actions.Clear();
            _machine.Handle(e, _actions);
            CheckActions(before);
            for (int i = 0; i < _actions.Count && Violations.Count == 0; i++)
            {
                Execute(_actions[i]);
            }
        }

        private void CheckActions(ProvisioningStep before)
        {
            ProvisioningStep after = _machine.Step;
            bool timerStarted = false;
            for (int i = 0; i < _actions.Count; i++)
            {
                ProvisioningAction a = _actions[i];
                string text = a.ToString();
                if (text.Contains("SECRET", StringComparison.Ordinal)) Violations.Add("secret in action text: " + a.Kind);
                if (a.Kind == ProvisioningActionKind.Log && (a.Detail.Contains("SECRET", StringComparison.Ordinal) || a.Text.Contains("SECRET", StringComparison.Ordinal)))
                {
                    Violations.Add("secret in log " + a.Text);
                }

                if (a.Kind == ProvisioningActionKind.StartTimer)
                {
                    timerStarted = true;
                    CheckDelay(a.DelayMilliseconds, after);
                }
            }

            if (after != before && after != ProvisioningStep.Operational && after != ProvisioningStep.Rebooting && !timerStarted)
            {
                Violations.Add($"step {ProvisioningNames.Of(after)} entered without a timer");
            }

            if (_machine.Attempts >= MaxAttempts) Violations.Add($"attempts {_machine.Attempts} reached the limit {MaxAttempts}");
        }

        private void CheckDelay(int delay, ProvisioningStep step)
        {
            if (step != ProvisioningStep.BackingOff)
            {
                if (delay != StepTimeout) Violations.Add($"step timer {delay} ms is not the step timeout");
                return;
            }

            int attempts = _machine.Attempts;
            bool ok = attempts > 0
                ? delay >= 0 && delay <= Backoff.Ceiling(attempts, BackoffBase, BackoffCap)
                : delay >= LongBackoff / 2 && delay <= LongBackoff;
            if (!ok) Violations.Add($"backoff {delay} ms out of bounds for attempt {attempts}");
        }

        private bool Fault(FaultPoint point, out FaultKind kind)
        {
            kind = _plan.Kind;
            if (point != _plan.Point || Injected >= _plan.Repetitions) return false;
            Injected++;
            return true;
        }

        private void Execute(ProvisioningAction a)
        {
            switch (a.Kind)
            {
                case ProvisioningActionKind.Connect: Connect(a.Credentials!); break;
                case ProvisioningActionKind.Subscribe: Subscribe(a.Topic!); break;
                case ProvisioningActionKind.Publish: Publish(a.Topic!, a.Payload.AsSpan(0, a.PayloadCount).ToArray()); break;
                case ProvisioningActionKind.Disconnect: DropSession(); break;
                case ProvisioningActionKind.StartTimer:
                    _timerArmed = true;
                    _timerId = a.TimerId;
                    _timerDeadline = Now + a.DelayMilliseconds;
                    break;
                case ProvisioningActionKind.CreateCsr: CreateCsr(); break;
                case ProvisioningActionKind.Persist: Persist(a.DeviceCredentials!); break;
                case ProvisioningActionKind.MarkCredentialsBad: _storedBad = true; break;
                case ProvisioningActionKind.Reboot:
                    if (++Reboots > 3) Violations.Add("more than 3 reboots");
                    else Boot();
                    break;
                case ProvisioningActionKind.BecameOperational:
                    _operational = true;
                    if (_stored == null || _storedBad || a.Text != _stored.ThingName) Violations.Add("operational as " + a.Text + " without that stored record");
                    break;
                case ProvisioningActionKind.Log: LogNames.Add(a.Text); break;
            }
        }

        private void DropSession()
        {
            _connected = false;
            _subscribed.Clear();
            _inFlight.Clear();
        }

        private void Connect(MqttCredentials credentials)
        {
            DropSession();
            bool asThing = !Same(credentials.CertificatePem, _claim.CertificatePem);
            if (asThing && (_stored == null || !Same(credentials.CertificatePem, _stored.CertificatePem) || !Same(credentials.PrivateKeyPem, _stored.PrivateKeyPem)))
            {
                Violations.Add("connect as thing with credentials that are not the stored record");
            }

            if (!Fault(asThing ? FaultPoint.ConnectAsThing : FaultPoint.ConnectWithClaim, out FaultKind fault))
            {
                _connected = true;
                _pending.Enqueue(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
                return;
            }

            switch (fault)
            {
                case FaultKind.Timeout: break;
                case FaultKind.Disconnect: _pending.Enqueue(ProvisioningEvent.ConnectCompleted(MqttConnectResult.NetworkError)); break;
                case FaultKind.Refused:
                case FaultKind.CredentialsRejected: _pending.Enqueue(ProvisioningEvent.ConnectCompleted(MqttConnectResult.CredentialsRejected)); break;
                case FaultKind.Duplicate:
                    _connected = true;
                    _pending.Enqueue(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
                    _pending.Enqueue(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
                    break;
                case FaultKind.Stale:
                    _connected = true;
                    _pending.Enqueue(ProvisioningEvent.TimerExpired(_machine.CurrentTimerId - 1));
                    _pending.Enqueue(Message(FpApi.RegisterThing, FpApiTopic.Accepted, _cloud.RegisterAccepted("thing-stale")));
                    _pending.Enqueue(ProvisioningEvent.ConnectCompleted(MqttConnectResult.Success));
                    break;
            }
        }

        private void Subscribe(string filter)
        {
            if (!_connected)
            {
                _pending.Enqueue(ProvisioningEvent.ConnectionLost("subscribe without a session"));
                return;
            }

            FaultPoint point = filter.StartsWith("$aws/certificates/", StringComparison.Ordinal) ? FaultPoint.SubscribeCreate : FaultPoint.SubscribeRegister;
            if (!Fault(point, out FaultKind fault))
            {
                _subscribed.Add(filter);
                _pending.Enqueue(ProvisioningEvent.SubscribeAcknowledged(filter, true));
                return;
            }

            switch (fault)
            {
                case FaultKind.Timeout: break;
                case FaultKind.Disconnect:
                    DropSession();
                    _pending.Enqueue(ProvisioningEvent.ConnectionLost("broker closed the session"));
                    break;
                case FaultKind.Refused: _pending.Enqueue(ProvisioningEvent.SubscribeAcknowledged(filter, false)); break;
                case FaultKind.Duplicate:
                    _subscribed.Add(filter);
                    _pending.Enqueue(ProvisioningEvent.SubscribeAcknowledged(filter, true));
                    _pending.Enqueue(ProvisioningEvent.SubscribeAcknowledged(filter, true));
                    break;
                case FaultKind.Stale:
                    _subscribed.Add(filter);
                    _pending.Enqueue(ProvisioningEvent.SubscribeAcknowledged(null, true));
                    _pending.Enqueue(ProvisioningEvent.SubscribeAcknowledged(filter, true));
                    break;
                case FaultKind.TokenAging:
                    _subscribed.Add(filter);
                    Now += ProvisioningOptions.OwnershipTokenLifetimeMilliseconds - TokenMargin;
                    _pending.Enqueue(ProvisioningEvent.SubscribeAcknowledged(filter, true));
                    break;
            }
        }

        private void Publish(string topic, byte[] request)
        {
            if (!_connected)
            {
                _pending.Enqueue(ProvisioningEvent.PublishFailed("no session"));
                return;
            }

            FpApi api = topic.StartsWith("$aws/provisioning-templates/", StringComparison.Ordinal) ? FpApi.RegisterThing
                : _plan.UseCsr ? FpApi.CreateCertificateFromCsr : FpApi.CreateKeysAndCertificate;
            if (!_subscribed.Contains(Topic(api, FpApiTopic.Accepted)) || !_subscribed.Contains(Topic(api, FpApiTopic.Rejected)))
            {
                Violations.Add("published " + topic + " before both response topics were granted");
            }

            if (!_inFlight.Add(api)) Violations.Add("second request in flight for " + topic);
            ProvisioningEvent answer = Answer(api, request);
            if (!Fault(api == FpApi.RegisterThing ? FaultPoint.RegisterThing : FaultPoint.RequestCertificate, out FaultKind fault))
            {
                Deliver(answer);
                return;
            }

            FpApi other = api == FpApi.RegisterThing ? FpApi.CreateKeysAndCertificate : FpApi.RegisterThing;
            switch (fault)
            {
                case FaultKind.Timeout: break;
                case FaultKind.LateAfterTimeout: _afterNextTimeout.Add(answer); break;
                case FaultKind.Disconnect:
                    DropSession();
                    _pending.Enqueue(ProvisioningEvent.ConnectionLost("broker closed the session"));
                    break;
                case FaultKind.PublishRefused:
                    _inFlight.Clear(); // never sent
                    _pending.Enqueue(ProvisioningEvent.PublishFailed("the session refused the publish"));
                    break;
                case FaultKind.Throttled: Deliver(Message(api, FpApiTopic.Rejected, _cloud.Rejected(429, "ThrottlingException", "Rate exceeded"))); break;
                case FaultKind.ServerError: Deliver(Message(api, FpApiTopic.Rejected, _cloud.Rejected(500, "InternalFailure", "internal error"))); break;
                case FaultKind.TokenInvalid: Deliver(Message(api, FpApiTopic.Rejected, _cloud.Rejected(400, "InvalidCertificateOwnershipToken", "Certificate ownership token is invalid."))); break;
                case FaultKind.AccessDenied: Deliver(Message(api, FpApiTopic.Rejected, _cloud.Rejected(403, "ACCESS_DENIED", "denied by the pre-provisioning hook"))); break;
                case FaultKind.UnknownTemplate: Deliver(Message(api, FpApiTopic.Rejected, _cloud.Rejected(404, "ResourceNotFoundException", "template not found"))); break;
                case FaultKind.MalformedAccepted:
                    byte[] whole = answer.Payload!;
                    Deliver(Message(api, FpApiTopic.Accepted, whole.AsSpan(0, whole.Length / 2).ToArray()));
                    break;
                case FaultKind.MalformedRejected: Deliver(Message(api, FpApiTopic.Rejected, new byte[] { 0xFF, 0x00, 0x7B, 0x22 })); break;
                case FaultKind.Duplicate:
                    Deliver(answer);
                    _pending.Enqueue(answer);
                    break;
                case FaultKind.Stale:
                    _pending.Enqueue(Message(other, FpApiTopic.Accepted, other == FpApi.RegisterThing
                        ? _cloud.RegisterAccepted("thing-stale")
                        : _cloud.CreateAccepted(new byte[0], false, Now)));
                    Deliver(answer);
                    break;
            }
        }

        /// <summary>What the cloud answers when nothing is injected.</summary>
        private ProvisioningEvent Answer(FpApi api, byte[] request)
        {
            if (api != FpApi.RegisterThing)
            {
                return Message(api, FpApiTopic.Accepted, _cloud.CreateAccepted(request, _plan.UseCsr, Now));
            }

            var (accepted, payload, minted) = _cloud.Register(request, Now, _options.MacParameterName, out var parsed);
            if (minted != null && Now - minted.MintedAt >= ProvisioningOptions.OwnershipTokenLifetimeMilliseconds - TokenMargin)
            {
                Violations.Add("RegisterThing sent with a token inside the expiry margin");
            }

            var parameters = parsed.TryGetValue("parameters", out var p) ? p as Dictionary<string, object?> : null;
            if (parameters == null || (parameters.TryGetValue("MacAddress", out var mac) ? mac as string : null) != Mac
                || (parameters.TryGetValue("SerialNumber", out var serial) ? serial as string : null) != "SN-0001")
            {
                Violations.Add("RegisterThing without the configured parameters and the MAC");
            }

            return Message(api, accepted ? FpApiTopic.Accepted : FpApiTopic.Rejected, payload);
        }

        private void Deliver(ProvisioningEvent e)
        {
            _inFlight.Clear();
            _pending.Enqueue(e);
        }

        private void CreateCsr()
        {
            var (csr, key) = _cloud.NewCsr();
            if (!Fault(FaultPoint.CreateCsr, out FaultKind fault))
            {
                _pending.Enqueue(ProvisioningEvent.CsrCreated(csr, key));
                return;
            }

            switch (fault)
            {
                case FaultKind.Timeout: break;
                case FaultKind.Refused: _pending.Enqueue(ProvisioningEvent.CsrCreated(null, null)); break;
                case FaultKind.Disconnect:
                    DropSession();
                    _pending.Enqueue(ProvisioningEvent.ConnectionLost("dropped while making keys"));
                    _pending.Enqueue(ProvisioningEvent.CsrCreated(csr, key));
                    break;
                case FaultKind.Duplicate:
                    _pending.Enqueue(ProvisioningEvent.CsrCreated(csr, key));
                    _pending.Enqueue(ProvisioningEvent.CsrCreated(csr, key));
                    break;
            }
        }

        private void Persist(DeviceCredentials record)
        {
            CheckRecord(record, "persist");
            if (!Fault(FaultPoint.Persist, out FaultKind fault))
            {
                Store(record);
                _pending.Enqueue(ProvisioningEvent.PersistCompleted(StoreStatus.Success));
                return;
            }

            switch (fault)
            {
                case FaultKind.Timeout: break;
                case FaultKind.Refused: _pending.Enqueue(ProvisioningEvent.PersistCompleted(StoreStatus.Error)); break;
                case FaultKind.StoreTooLarge: _pending.Enqueue(ProvisioningEvent.PersistCompleted(StoreStatus.TooLarge)); break;
                case FaultKind.Disconnect:
                    DropSession();
                    _pending.Enqueue(ProvisioningEvent.ConnectionLost("dropped while writing flash"));
                    Store(record);
                    _pending.Enqueue(ProvisioningEvent.PersistCompleted(StoreStatus.Success));
                    break;
                case FaultKind.Duplicate:
                    Store(record);
                    _pending.Enqueue(ProvisioningEvent.PersistCompleted(StoreStatus.Success));
                    _pending.Enqueue(ProvisioningEvent.PersistCompleted(StoreStatus.Success));
                    break;
            }
        }

        private void Store(DeviceCredentials record)
        {
            _stored = Copy(record);
            _storedBad = false;
        }

        /// <summary>A record is only right if every field is what the cloud issued together.</summary>
        private void CheckRecord(DeviceCredentials record, string when)
        {
            if (!record.IsComplete)
            {
                Violations.Add($"{when}: incomplete record {record}");
                return;
            }

            if (!_cloud.Certificates.TryGetValue(record.CertificateId, out var minted))
            {
                Violations.Add($"{when}: certificate {record.CertificateId} was never issued");
                return;
            }

            if (Encoding.UTF8.GetString(record.CertificatePem) != minted.CertificatePem || Encoding.UTF8.GetString(record.PrivateKeyPem) != minted.PrivateKeyPem
                || record.ThingName != minted.ThingName
                || record.DeviceConfiguration.Get("Fleet") != "blue" || record.TemplateName != MachineHarness.Template)
            {
                Violations.Add($"{when}: record mixes fields that were not issued together ({record})");
            }
        }

        private void CheckEnd()
        {
            if (!_operational) Violations.Add("never operational");
            if (_stored == null) Violations.Add("nothing persisted");
            else CheckRecord(_stored, "end");
            if (Injected == 0) Violations.Add("the fault point was never reached");
        }

        private ProvisioningEvent Message(FpApi api, FpApiTopic kind, byte[] payload) =>
            ProvisioningEvent.MessageReceived(Topic(api, kind), payload, 0, payload.Length);

        private string Topic(FpApi api, FpApiTopic kind)
        {
            FpTopics.GetTopic(api, _plan.Format, kind, MachineHarness.Template, out string topic);
            return topic;
        }

        private static DeviceCredentials Copy(DeviceCredentials source)
        {
            var copy = new DeviceCredentials
            {
                CertificateId = source.CertificateId,
                CertificatePem = source.CertificatePem,
                PrivateKeyPem = source.PrivateKeyPem,
                ThingName = source.ThingName,
                TemplateName = source.TemplateName,
                ProvisionedAtUnixSeconds = source.ProvisionedAtUnixSeconds,
            };
            for (int i = 0; i < source.DeviceConfiguration.Count; i++) copy.DeviceConfiguration.Set(source.DeviceConfiguration.KeyAt(i), source.DeviceConfiguration.ValueAt(i));
            return copy;
        }

        private sealed class SystemRandom(Random random) : IRandomSource
        {
            public int Next(int maxExclusive) => random.Next(maxExclusive);
        }

        private static bool Same(byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b);
    }
}
