// API declaration (signatures only) of nanoframework/nanoFramework.m2mqtt:M2Mqtt/MqttClient.cs
// (package nanoFramework.M2Mqtt 5.1.x, assembly nanoFramework.M2Mqtt). Never shipped or run.
#nullable disable
using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public class MqttClient : IMqttClient, IDisposable
    {
        public MqttClient(string brokerHostName) => throw new NotImplementedException();

        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) => throw new NotImplementedException();

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived { add => throw new NotImplementedException(); remove => throw new NotImplementedException(); }

        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished { add => throw new NotImplementedException(); remove => throw new NotImplementedException(); }

        public event IMqttClient.MqttMsgSubscribedEventHandler MqttMsgSubscribed { add => throw new NotImplementedException(); remove => throw new NotImplementedException(); }

        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed { add => throw new NotImplementedException(); remove => throw new NotImplementedException(); }

        public bool IsConnected => throw new NotImplementedException();

        public string ClientId => throw new NotImplementedException();

        public void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol) => throw new NotImplementedException();

        public MqttReasonCode Connect(string clientId) => throw new NotImplementedException();

        public MqttReasonCode Connect(string clientId, bool cleanSession) => throw new NotImplementedException();

        public MqttReasonCode Connect(string clientId, string username, string password) => throw new NotImplementedException();

        public MqttReasonCode Connect(string clientId, string username, string password, bool cleanSession, ushort keepAlivePeriod) => throw new NotImplementedException();

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) => throw new NotImplementedException();

        public void Disconnect() => throw new NotImplementedException();

        public void Close() => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw new NotImplementedException();

        public ushort Unsubscribe(string[] topics) => throw new NotImplementedException();

        public ushort Publish(string topic, byte[] message) => throw new NotImplementedException();

        public ushort Publish(string topic, byte[] message, string contentType) => throw new NotImplementedException();

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties) => throw new NotImplementedException();

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) => throw new NotImplementedException();
    }
}
