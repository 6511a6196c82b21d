// API declaration of nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/Messages/MqttMsgPublishEventArgs.cs.
#nullable disable
using System;

namespace nanoFramework.M2Mqtt.Messages
{
    public class MqttMsgPublishEventArgs : EventArgs
    {
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain) => throw new NotImplementedException();

        public string Topic => throw new NotImplementedException();

        public byte[] Message => throw new NotImplementedException();

        public bool DupFlag => throw new NotImplementedException();

        public MqttQoSLevel QosLevel => throw new NotImplementedException();

        public bool Retain => throw new NotImplementedException();
    }
}
