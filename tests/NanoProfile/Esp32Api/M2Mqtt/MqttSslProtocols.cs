// API declaration of nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/MqttSslProtocols.cs.
namespace nanoFramework.M2Mqtt
{
    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
        TLSv1_3,
    }
}
