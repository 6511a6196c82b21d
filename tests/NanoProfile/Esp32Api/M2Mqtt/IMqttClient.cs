// API declaration (signatures only) of nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/IMqttClient.cs
// (assembly nanoFramework.M2Mqtt.Core). The event delegates MqttClient's events use are nested here.
#nullable disable
using System;
using System.Collections;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public interface IMqttClient
    {
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        event MqttMsgPublishEventHandler MqttMsgPublishReceived;

        event MqttMsgPublishedEventHandler MqttMsgPublished;

        event MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        event ConnectionClosedEventHandler ConnectionClosed;

        bool IsConnected { get; }

        void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol);

        MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod);

        void Disconnect();

        ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels);

        ushort Unsubscribe(string[] topics);

        ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain);

        ushort Publish(string topic, byte[] message, string contentType);

        ushort Publish(string topic, byte[] message);

        void Close();
    }
}
