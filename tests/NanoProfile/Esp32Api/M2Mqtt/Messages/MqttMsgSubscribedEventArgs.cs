// API declaration of nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/Messages/MqttMsgSubscribedEventArgs.cs.
#nullable disable
using System;

namespace nanoFramework.M2Mqtt.Messages
{
    public class MqttMsgSubscribedEventArgs : EventArgs
    {
        public MqttMsgSubscribedEventArgs(ushort messageId, MqttQoSLevel[] grantedQosLevels) => throw new NotImplementedException();

        public ushort MessageId => throw new NotImplementedException();

        public MqttQoSLevel[] GrantedQoSLevels => throw new NotImplementedException();
    }
}
