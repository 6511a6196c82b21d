using System.Text.Json;

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

        /// <summary>A policy document confining a thing to itself: it connects only with its thing name as client id,
        /// and publishes and subscribes only under devices/&lt;thing name&gt;/.</summary>
        public const string ThingConfinedPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[" +
            "{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}\"}," +
            "{\"Effect\":\"Allow\",\"Action\":[\"iot:Publish\",\"iot:Subscribe\"],\"Resource\":[\"arn:aws:iot:*:*:topic/devices/${iot:Connection.Thing.ThingName}/*\"," +
            "\"arn:aws:iot:*:*:topicfilter/devices/${iot:Connection.Thing.ThingName}/*\"]}]}";

        /// <summary>The policy resource <see cref="WithThingName"/> attaches unless told otherwise: everything allowed.</summary>
        public const string AllowAllPolicyResource =
            "\"policy\": {\"Type\": \"AWS::IoT::Policy\", \"Properties\": {\"PolicyDocument\": \"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"iot:*\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}}";

        /// <summary>A policy resource carrying <paramref name="document"/> as an escaped JSON string, as AWS's bulk examples write it.</summary>
        public static string PolicyDocumentResource(string logicalName, string document) =>
            $"\"{logicalName}\": {{\"Type\": \"AWS::IoT::Policy\", \"Properties\": {{\"PolicyDocument\": {JsonSerializer.Serialize(document)}}}}}";

        /// <summary>A policy resource attaching the existing policy <paramref name="policyName"/>.</summary>
        public static string PolicyNameResource(string logicalName, string policyName) =>
            $"\"{logicalName}\": {{\"Type\": \"AWS::IoT::Policy\", \"Properties\": {{\"PolicyName\": \"{policyName}\"}}}}";

        /// <summary>A template whose thing name is <paramref name="thingNameExpression"/> (JSON), whose device configuration
        /// holds <paramref name="configurationJson"/> and whose policy resources are <paramref name="policiesJson"/>.</summary>
        public static string WithThingName(string thingNameExpression, string parametersJson = "\"SerialNumber\": {\"Type\": \"String\"}",
            string configurationJson = "{}", string mappingsJson = "{}", string policiesJson = AllowAllPolicyResource) => $$$$"""
        {
          "Parameters": { {{{{parametersJson}}}} },
          "Mappings": {{{{mappingsJson}}}},
          "Resources": {
            "thing": {"Type": "AWS::IoT::Thing", "Properties": {"ThingName": {{{{thingNameExpression}}}}}},
            "certificate": {"Type": "AWS::IoT::Certificate", "Properties": {"CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}}},
            {{{{policiesJson}}}}
          },
          "DeviceConfiguration": {{{{configurationJson}}}}
        }
        """;
    }
}
