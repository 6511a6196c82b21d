namespace NanoFleet.Cli.Demo
{
    /// <summary>The fleet-provisioning template the demo registers with the emulator.</summary>
    internal static class DemoTemplate
    {
        /// <summary>Template name.</summary>
        public const string Name = "nanofleet-demo";

        /// <summary>The function the demo's allow-list hook is registered as (arn:aws:lambda:…:function:NAME).</summary>
        public const string HookFunction = "nanofleet-demo-allow-list";

        /// <summary>Things are named from the SerialNumber parameter.</summary>
        public const string ThingPrefix = "sensor-";

        /// <summary>The policy resource both NanoFleet templates attach: a device may connect only with its thing name as client
        /// id and use only its own nanofleet/things/THING/ topics, so "connected as its own thing" is enforced by the broker.</summary>
        public const string ThingPolicy = """
        "policy": {
          "Type": "AWS::IoT::Policy",
          "Properties": {"PolicyDocument": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}\"},{\"Effect\":\"Allow\",\"Action\":[\"iot:Publish\",\"iot:Receive\"],\"Resource\":\"arn:aws:iot:*:*:topic/nanofleet/things/${iot:Connection.Thing.ThingName}/*\"},{\"Effect\":\"Allow\",\"Action\":\"iot:Subscribe\",\"Resource\":\"arn:aws:iot:*:*:topicfilter/nanofleet/things/${iot:Connection.Thing.ThingName}/*\"}]}"}
        }
        """;

        /// <summary>
        /// AWS's template syntax: the thing is named "sensor-" + SerialNumber, the certificate is
        /// activated, and the policy lets a device connect only with its thing name as client id and
        /// publish only under its own nanofleet/things/THING/ topics, so "connected as its own thing"
        /// is enforced by the broker, not just claimed.
        /// </summary>
        public const string Body = $$$"""
        {
          "Parameters": {
            "SerialNumber": {"Type": "String"},
            "MacAddress": {"Type": "String", "Default": ""},
            "AWS::IoT::Certificate::Id": {"Type": "String"}
          },
          "Resources": {
            "thing": {
              "Type": "AWS::IoT::Thing",
              "Properties": {
                "ThingName": {"Fn::Join": ["", ["sensor-", {"Ref": "SerialNumber"}]]},
                "AttributePayload": {"serialNumber": {"Ref": "SerialNumber"}, "mac": {"Ref": "MacAddress"}}
              }
            },
            "certificate": {
              "Type": "AWS::IoT::Certificate",
              "Properties": {"CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}, "Status": "ACTIVE"}
            },
            {{{ThingPolicy}}}
          },
          "DeviceConfiguration": {
            "HeartbeatSeconds": "30"
          }
        }
        """;
    }
}
