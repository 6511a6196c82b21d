using NanoFleet.Hal;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// One output of <see cref="ProvisioningMachine.Handle"/>. Instances belong to an
    /// <see cref="ActionList"/> and are reused by its next <see cref="ActionList.Clear"/>, so the
    /// machine allocates nothing per action; carry out (or copy) an action before handling the next
    /// event. <see cref="ToString"/> never shows a payload, a key or a token.
    /// </summary>
    public sealed class ProvisioningAction
    {
        internal ProvisioningAction()
        {
        }

        /// <summary>What to do.</summary>
        public ProvisioningActionKind Kind { get; private set; }

        /// <summary>Connect: the session credentials (claim or thing). Holds a key.</summary>
        public MqttCredentials? Credentials { get; private set; }

        /// <summary>Subscribe: the filter; Publish: the topic.</summary>
        public string? Topic { get; private set; }

        /// <summary>Publish: the machine's payload buffer (valid until the next event is handled).</summary>
        public byte[]? Payload { get; private set; }

        /// <summary>Publish: bytes of <see cref="Payload"/> to send, from offset 0.</summary>
        public int PayloadCount { get; private set; }

        /// <summary>StartTimer: the id that TimerExpired must carry.</summary>
        public int TimerId { get; private set; }

        /// <summary>StartTimer: the delay.</summary>
        public int DelayMilliseconds { get; private set; }

        /// <summary>Persist: the complete record to save. Holds the private key.</summary>
        public DeviceCredentials? DeviceCredentials { get; private set; }

        /// <summary>Log: the severity.</summary>
        public LogLevel Level { get; private set; }

        /// <summary>Log: the event name; CreateCsr: the common name; BecameOperational: the thing name.</summary>
        public string Text { get; private set; } = "";

        /// <summary>Log: the human-readable detail (never a secret).</summary>
        public string Detail { get; private set; } = "";

        /// <summary>StepChanged: the new step.</summary>
        public ProvisioningStep Step { get; private set; }

        internal void Set(ProvisioningActionKind kind)
        {
            Kind = kind;
            Credentials = null;
            Topic = null;
            Payload = null;
            PayloadCount = 0;
            TimerId = 0;
            DelayMilliseconds = 0;
            DeviceCredentials = null;
            Level = LogLevel.Info;
            Text = "";
            Detail = "";
            Step = ProvisioningStep.Idle;
        }

        internal void SetConnect(MqttCredentials credentials) => Credentials = credentials;

        internal void SetTopic(string topic) => Topic = topic;

        internal void SetPayload(byte[] payload, int count)
        {
            Payload = payload;
            PayloadCount = count;
        }

        internal void SetTimer(int timerId, int delayMilliseconds)
        {
            TimerId = timerId;
            DelayMilliseconds = delayMilliseconds;
        }

        internal void SetDeviceCredentials(DeviceCredentials credentials) => DeviceCredentials = credentials;

        internal void SetLog(LogLevel level, string eventName, string detail)
        {
            Level = level;
            Text = eventName;
            Detail = detail;
        }

        internal void SetText(string text) => Text = text;

        internal void SetStep(ProvisioningStep step) => Step = step;

        /// <inheritdoc />
        public override string ToString()
        {
            string name = ProvisioningNames.Of(Kind);
            switch (Kind)
            {
                case ProvisioningActionKind.Connect: return name + " " + Credentials;
                case ProvisioningActionKind.Subscribe: return name + " " + Topic;
                case ProvisioningActionKind.Publish: return name + " " + Topic + " (" + PayloadCount + " bytes)";
                case ProvisioningActionKind.StartTimer: return name + " #" + TimerId + " " + DelayMilliseconds + " ms";
                case ProvisioningActionKind.Persist: return name + " " + DeviceCredentials;
                case ProvisioningActionKind.Log: return name + " " + Text + ": " + Detail;
                case ProvisioningActionKind.StepChanged: return name + " " + ProvisioningNames.Of(Step);
                case ProvisioningActionKind.CreateCsr:
                case ProvisioningActionKind.BecameOperational: return name + " " + Text;
                default: return name;
            }
        }
    }
}
