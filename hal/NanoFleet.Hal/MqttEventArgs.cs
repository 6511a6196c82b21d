using System;

namespace NanoFleet.Hal
{
    /// <summary>A delivered PUBLISH.</summary>
    public sealed class MqttMessageReceivedEventArgs : EventArgs
    {
        /// <summary>Creates the args; the payload array is handed over, not copied.</summary>
        public MqttMessageReceivedEventArgs(string topic, byte[] payload)
        {
            Topic = topic;
            Payload = payload;
        }

        /// <summary>The topic the message was published on.</summary>
        public string Topic { get; }

        /// <summary>The payload bytes.</summary>
        public byte[] Payload { get; }
    }

    /// <summary>A SUBACK for one filter.</summary>
    public sealed class MqttSubscribeAcknowledgedEventArgs : EventArgs
    {
        /// <summary>Creates the args.</summary>
        public MqttSubscribeAcknowledgedEventArgs(int packetId, bool granted)
        {
            PacketId = packetId;
            Granted = granted;
        }

        /// <summary>Packet id of the SUBSCRIBE this answers.</summary>
        public int PacketId { get; }

        /// <summary>False when the broker returned a failure code (0x80 or higher).</summary>
        public bool Granted { get; }
    }

    /// <summary>An unrequested disconnect.</summary>
    public sealed class MqttConnectionLostEventArgs : EventArgs
    {
        /// <summary>Creates the args.</summary>
        public MqttConnectionLostEventArgs(string reason)
        {
            Reason = reason;
        }

        /// <summary>Why, as far as the HAL knows (never contains secrets).</summary>
        public string Reason { get; }
    }
}
