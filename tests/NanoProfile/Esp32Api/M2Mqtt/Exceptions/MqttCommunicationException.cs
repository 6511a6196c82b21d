// API declaration of nanoframework/nanoFramework.m2mqtt:M2Mqtt/Exceptions/MqttCommunicationException.cs
// (thrown when no answer arrives in time or the peer closed the socket).
#nullable disable
using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    public class MqttCommunicationException : Exception
    {
        public MqttCommunicationException() => throw new NotImplementedException();

        public MqttCommunicationException(Exception e) => throw new NotImplementedException();
    }
}
