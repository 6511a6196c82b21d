using System.Collections;
using NanoFleet.Hal;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>
    /// An in-process IMqttSession that answers like the provisioning service: SUBACKs and responses
    /// are raised synchronously from inside Subscribe/Publish (before the call returns), which is
    /// the hardest ordering for the runner's packet-id bookkeeping.
    /// </summary>
    public sealed class FakeCloudSession : IMqttSession
    {
        private readonly ArrayList _connectResults = new ArrayList();
        private int _nextPacketId = 1;

        /// <inheritdoc />
        public event MqttMessageReceivedEventHandler? MessageReceived;

        /// <inheritdoc />
        public event MqttSubscribeAcknowledgedEventHandler? SubscribeAcknowledged;

        /// <inheritdoc />
        public event MqttConnectionLostEventHandler? ConnectionLost;

        /// <inheritdoc />
        public bool IsConnected { get; private set; }

        /// <summary>The thing name RegisterThing hands out.</summary>
        public string ThingName { get; set; } = "thing-fake";

        /// <summary>Credentials of the last connect.</summary>
        public MqttCredentials? LastCredentials { get; private set; }

        /// <summary>Every topic published to, in order.</summary>
        public ArrayList Published { get; } = new ArrayList();

        /// <summary>Every filter subscribed, in order.</summary>
        public ArrayList Subscribed { get; } = new ArrayList();

        /// <summary>Connect results to return, oldest first; Success once they run out.</summary>
        public void QueueConnectResult(MqttConnectResult result) => _connectResults.Add(result);

        /// <summary>When set, every connect returns this (used to keep a run busy).</summary>
        public bool AlwaysFailConnect { get; set; }

        /// <inheritdoc />
        public MqttConnectResult Connect(MqttCredentials credentials)
        {
            LastCredentials = credentials;
            MqttConnectResult result = MqttConnectResult.Success;
            if (AlwaysFailConnect)
            {
                result = MqttConnectResult.NetworkError;
            }
            else if (_connectResults.Count > 0)
            {
                result = (MqttConnectResult)_connectResults[0]!;
                _connectResults.RemoveAt(0);
            }

            IsConnected = result == MqttConnectResult.Success;
            return result;
        }

        /// <inheritdoc />
        public HalStatus Subscribe(string topicFilter, out int packetId)
        {
            packetId = _nextPacketId++;
            if (!IsConnected)
            {
                return HalStatus.Error;
            }

            Subscribed.Add(topicFilter);
            SubscribeAcknowledged?.Invoke(this, new MqttSubscribeAcknowledgedEventArgs(packetId, true));
            return HalStatus.Success;
        }

        /// <inheritdoc />
        public HalStatus Publish(string topic, byte[] payload, int offset, int count)
        {
            if (!IsConnected)
            {
                return HalStatus.Error;
            }

            Published.Add(topic);
            if (topic.StartsWith("$aws/certificates/create-from-csr/"))
            {
                Respond(topic + "/accepted", TestPayloads.CreateAccepted(3, false));
            }
            else if (topic.StartsWith("$aws/certificates/create/"))
            {
                Respond(topic + "/accepted", TestPayloads.CreateAccepted(3, true));
            }
            else if (topic.StartsWith("$aws/provisioning-templates/"))
            {
                Respond(topic + "/accepted", TestPayloads.RegisterAccepted(ThingName));
            }

            return HalStatus.Success;
        }

        /// <inheritdoc />
        public void Disconnect() => IsConnected = false;

        /// <summary>Drops the session as the broker would.</summary>
        public void Drop(string reason)
        {
            IsConnected = false;
            ConnectionLost?.Invoke(this, new MqttConnectionLostEventArgs(reason));
        }

        private void Respond(string topic, byte[] payload) => MessageReceived?.Invoke(this, new MqttMessageReceivedEventArgs(topic, payload));
    }
}
