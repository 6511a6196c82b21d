using NanoFleet.Hal;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// One input to <see cref="ProvisioningMachine.Handle"/>. A single non-generic class with a
    /// <see cref="Kind"/> rather than a class per event: the nanoCLR has no generics to dispatch
    /// with, and one shape keeps the runner's queue simple. The runner stamps the time fields
    /// when it hands the event over. <see cref="ToString"/> never shows a payload or a key.
    /// </summary>
    public sealed class ProvisioningEvent
    {
        private ProvisioningEvent(ProvisioningEventKind kind)
        {
            Kind = kind;
        }

        /// <summary>What happened.</summary>
        public ProvisioningEventKind Kind { get; }

        /// <summary>Monotonic time of the event in milliseconds (set by the runner from IClock).</summary>
        public long AtMilliseconds { get; set; }

        /// <summary>Wall-clock time of the event in Unix seconds, 0 if unknown (set by the runner).</summary>
        public long AtUnixSeconds { get; set; }

        /// <summary>Boot: the stored record, or null when there is none.</summary>
        public DeviceCredentials? StoredCredentials { get; private set; }

        /// <summary>ConnectCompleted: the result.</summary>
        public MqttConnectResult ConnectResult { get; private set; }

        /// <summary>SubscribeAcknowledged: the filter; MessageReceived: the topic.</summary>
        public string? Topic { get; private set; }

        /// <summary>SubscribeAcknowledged: false when the broker refused the filter.</summary>
        public bool Granted { get; private set; }

        /// <summary>MessageReceived: the payload array (not copied).</summary>
        public byte[]? Payload { get; private set; }

        /// <summary>MessageReceived: where the payload starts in <see cref="Payload"/>.</summary>
        public int PayloadOffset { get; private set; }

        /// <summary>MessageReceived: the payload length.</summary>
        public int PayloadCount { get; private set; }

        /// <summary>TimerExpired: the id from the StartTimer action.</summary>
        public int TimerId { get; private set; }

        /// <summary>CsrCreated: the CSR (PEM), or null when key generation failed.</summary>
        public byte[]? CsrPem { get; private set; }

        /// <summary>CsrCreated: the new private key (PEM text, UTF-8). Secret.</summary>
        public byte[]? CsrPrivateKeyPem { get; private set; }

        /// <summary>PersistCompleted: the store's answer.</summary>
        public StoreStatus StoreStatus { get; private set; }

        /// <summary>ConnectionLost / PublishFailed: why, as far as the HAL knows.</summary>
        public string Reason { get; private set; } = "";

        /// <summary>The device started.</summary>
        /// <param name="stored">The valid record from the credential store, or null.</param>
        public static ProvisioningEvent Boot(DeviceCredentials? stored) =>
            new ProvisioningEvent(ProvisioningEventKind.Boot) { StoredCredentials = stored };

        /// <summary>A connect finished.</summary>
        public static ProvisioningEvent ConnectCompleted(MqttConnectResult result) =>
            new ProvisioningEvent(ProvisioningEventKind.ConnectCompleted) { ConnectResult = result };

        /// <summary>A SUBACK arrived for <paramref name="topicFilter"/> (null when the runner could not map its packet id).</summary>
        public static ProvisioningEvent SubscribeAcknowledged(string? topicFilter, bool granted) =>
            new ProvisioningEvent(ProvisioningEventKind.SubscribeAcknowledged) { Topic = topicFilter, Granted = granted };

        /// <summary>A message arrived.</summary>
        public static ProvisioningEvent MessageReceived(string topic, byte[] payload, int offset, int count) =>
            new ProvisioningEvent(ProvisioningEventKind.MessageReceived) { Topic = topic, Payload = payload, PayloadOffset = offset, PayloadCount = count };

        /// <summary>A publish or subscribe could not be sent.</summary>
        public static ProvisioningEvent PublishFailed(string reason) =>
            new ProvisioningEvent(ProvisioningEventKind.PublishFailed) { Reason = reason };

        /// <summary>The session dropped.</summary>
        public static ProvisioningEvent ConnectionLost(string reason) =>
            new ProvisioningEvent(ProvisioningEventKind.ConnectionLost) { Reason = reason };

        /// <summary>A timer ran out.</summary>
        public static ProvisioningEvent TimerExpired(int timerId) =>
            new ProvisioningEvent(ProvisioningEventKind.TimerExpired) { TimerId = timerId };

        /// <summary>The CSR source answered (<paramref name="csrPem"/> null when it failed).</summary>
        public static ProvisioningEvent CsrCreated(byte[]? csrPem, byte[]? privateKeyPem) =>
            new ProvisioningEvent(ProvisioningEventKind.CsrCreated) { CsrPem = csrPem, CsrPrivateKeyPem = privateKeyPem };

        /// <summary>A persist finished.</summary>
        public static ProvisioningEvent PersistCompleted(StoreStatus status) =>
            new ProvisioningEvent(ProvisioningEventKind.PersistCompleted) { StoreStatus = status };

        /// <inheritdoc />
        public override string ToString() => ProvisioningNames.Of(Kind) + (Topic == null ? "" : " " + Topic);
    }
}
