// API declaration of nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/Messages/MqttQoSLevel.cs.
namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
        GrantedFailure = 0x80,
    }
}
