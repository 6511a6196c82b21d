namespace NanoFleet.Cloud.Tests.Support
{
    /// <summary>Template bodies used across tests.</summary>
    public static class TemplateBodies
    {
        /// <summary>AWS's complete fleet template example (aws-fleet-provisioning.md §2).</summary>
        public const string Fleet = """
        {
          "Parameters": {
            "SerialNumber": {"Type": "String"},
            "DeviceLocation": {"Type": "String", "Default": "Seattle"},
            "AWS::IoT::Certificate::Id": {"Type": "String"}
          },
          "Mappings": {"LocationTable": {"Seattle": {"LocationUrl": "https://example.aws"}}},
          "Resources": {
            "thing": {
              "Type": "AWS::IoT::Thing",
              "Properties": {
                "ThingName": {"Fn::Join": ["", ["ThingPrefix_", {"Ref": "SerialNumber"}]]},
                "AttributePayload": {"version": "v1", "serialNumber": {"Ref": "SerialNumber"}},
                "ThingTypeName": "lightBulb-versionA",
                "ThingGroups": ["v1-lightbulbs", {"Ref": "DeviceLocation"}],
                "BillingGroup": "LightBulbBillingGroup"
              },
              "OverrideSettings": {"AttributePayload": "MERGE", "ThingTypeName": "REPLACE", "ThingGroups": "DO_NOTHING"}
            },
            "certificate": {
              "Type": "AWS::IoT::Certificate",
              "Properties": {"CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}, "Status": "ACTIVE"}
            },
            "policy": {
              "Type": "AWS::IoT::Policy",
              "Properties": {"PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                "Action": ["iot:Connect", "iot:Publish", "iot:Subscribe", "iot:Receive"], "Resource": "*"}]}}
            }
          },
          "DeviceConfiguration": {
            "FallbackUrl": "https://www.example.com/test-site",
            "LocationUrl": {"Fn::FindInMap": ["LocationTable", {"Ref": "DeviceLocation"}, "LocationUrl"]}
          }
        }
        """;

        /// <summary>A template whose thing name is <paramref name="thingNameExpression"/> (JSON) and whose
        /// device configuration holds <paramref name="configurationJson"/>.</summary>
        public static string WithThingName(string thingNameExpression, string parametersJson = "\"SerialNumber\": {\"Type\": \"String\"}",
            string configurationJson = "{}", string mappingsJson = "{}") => $$$$"""
        {
          "Parameters": { {{{{parametersJson}}}} },
          "Mappings": {{{{mappingsJson}}}},
          "Resources": {
            "thing": {"Type": "AWS::IoT::Thing", "Properties": {"ThingName": {{{{thingNameExpression}}}}}},
            "certificate": {"Type": "AWS::IoT::Certificate", "Properties": {"CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}}},
            "policy": {"Type": "AWS::IoT::Policy", "Properties": {"PolicyDocument": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}]}"}}
          },
          "DeviceConfiguration": {{{{configurationJson}}}}
        }
        """;
    }
}
