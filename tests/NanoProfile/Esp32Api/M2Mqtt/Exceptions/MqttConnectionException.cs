// API declaration of nanoframework/nanoFramework.m2mqtt:M2Mqtt/Exceptions/MqttConnectionException.cs
// (thrown by MqttClient.Connect on a socket or TLS failure; the cause is the InnerException).
#nullable disable
using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    public class MqttConnectionException : Exception
    {
        public MqttConnectionException(string message, Exception innerException) => throw new NotImplementedException();
    }
}
