// API declaration of nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/Messages/MqttMsgPublishedEventArgs.cs.
#nullable disable
using System;

namespace nanoFramework.M2Mqtt.Messages
{
    public class MqttMsgPublishedEventArgs : EventArgs
    {
        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished) => throw new NotImplementedException();

        public ushort MessageId => throw new NotImplementedException();

        public bool IsPublished => throw new NotImplementedException();
    }
}
