using NanoFleet.Hal;
using NanoFleet.Provisioning;

namespace NanoFleet.CoreBenchmark
{
    /// <summary>
    /// An in-process IMqttSession that grants every subscription and answers each create and
    /// register request at once with canned accepted responses. Its answers are made once, up front,
    /// so a measured run weighs the core, not the fake; only the SUBACK event args are new each
    /// time, as a real session makes them. (The nano tests' FakeCloudSession builds small responses
    /// per request and records every topic: right for tests, noise here.)
    /// </summary>
    internal sealed class CannedCloudSession : IMqttSession
    {
        private readonly MqttMessageReceivedEventArgs _createAccepted;
        private readonly MqttMessageReceivedEventArgs _registerAccepted;
        private int _nextPacketId = 1;

        /// <param name="format">The format the device asks in (it names the topics).</param>
        /// <param name="templateName">The provisioning template the device uses.</param>
        /// <param name="createAccepted">The CreateKeysAndCertificate accepted payload.</param>
        /// <param name="registerAccepted">The RegisterThing accepted payload.</param>
        public CannedCloudSession(FpFormat format, string templateName, byte[] createAccepted, byte[] registerAccepted)
        {
            FpTopics.GetTopic(FpApi.CreateKeysAndCertificate, format, FpApiTopic.Accepted, templateName, out string createTopic);
            FpTopics.GetTopic(FpApi.RegisterThing, format, FpApiTopic.Accepted, templateName, out string registerTopic);
            _createAccepted = new MqttMessageReceivedEventArgs(createTopic, createAccepted);
            _registerAccepted = new MqttMessageReceivedEventArgs(registerTopic, registerAccepted);
        }

        public event MqttMessageReceivedEventHandler? MessageReceived;

        public event MqttSubscribeAcknowledgedEventHandler? SubscribeAcknowledged;

        /// <summary>The canned broker never drops the device, so no handler is kept.</summary>
        public event MqttConnectionLostEventHandler? ConnectionLost
        {
            add { }
            remove { }
        }

        public bool IsConnected { get; private set; }

        public MqttConnectResult Connect(MqttCredentials credentials)
        {
            IsConnected = true;
            return MqttConnectResult.Success;
        }

        public HalStatus Subscribe(string topicFilter, out int packetId)
        {
            packetId = _nextPacketId++;
            SubscribeAcknowledged?.Invoke(this, new MqttSubscribeAcknowledgedEventArgs(packetId, true));
            return HalStatus.Success;
        }

        public HalStatus Publish(string topic, byte[] payload, int offset, int count)
        {
            MessageReceived?.Invoke(this, topic.StartsWith("$aws/certificates/create/") ? _createAccepted : _registerAccepted);
            return HalStatus.Success;
        }

        public void Disconnect() => IsConnected = false;
    }
}
