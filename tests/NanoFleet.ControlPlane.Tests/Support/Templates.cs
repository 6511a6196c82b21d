namespace NanoFleet.ControlPlane.Tests.Support
{
    /// <summary>Template bodies and settings the control-plane tests store.</summary>
    public static class Templates
    {
        /// <summary>A minimal valid fleet template: one thing named from a serial, a certificate, a policy.</summary>
        public const string Body = """
        {"Parameters":{"SerialNumber":{"Type":"String"},"AWS::IoT::Certificate::Id":{"Type":"String"}},
         "Resources":{
          "thing":{"Type":"AWS::IoT::Thing","Properties":{"ThingName":{"Fn::Join":["",["dev-",{"Ref":"SerialNumber"}]]}}},
          "certificate":{"Type":"AWS::IoT::Certificate","Properties":{"CertificateId":{"Ref":"AWS::IoT::Certificate::Id"},"Status":"ACTIVE"}},
          "policy":{"Type":"AWS::IoT::Policy","Properties":{"PolicyDocument":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"*\"}]}"}}}}
        """;

        /// <summary>The same with a second thing attribute, for a second version.</summary>
        public static string BodyV2 => Body.Replace("\"dev-\"", "\"device-\"", System.StringComparison.Ordinal);

        /// <summary>An IoT policy that allows only iot:Connect, for the policy operations.</summary>
        public const string ConnectPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*"}]}""";

        public static string RoleArn(string accountId) => $"arn:aws:iam::{accountId}:role/NanoFleetProvisioning";

        public static string FunctionArn(string region, string accountId, string name) => $"arn:aws:lambda:{region}:{accountId}:function:{name}";
    }
}
