namespace NanoFleet.Cli.Demo
{
    /// <summary>The JITP template NanoFleet registers with a factory CA (`registrationConfig.templateBody`).</summary>
    internal static class JitpTemplate
    {
        /// <summary>
        /// AWS's JITP template syntax: the thing is named by the certificate's commonName (the station writes the serial
        /// number there), which is also how the device knows its thing name and client id; the certificate is declared only
        /// by `{"Ref": "AWS::IoT::Certificate::Id"}` and activated; the policy lets a device connect only with its thing
        /// name as client id and use only its own nanofleet/things/THING/ topics, as the fleet template does.
        /// </summary>
        public const string Body = $$$"""
        {
          "Parameters": {
            "AWS::IoT::Certificate::CommonName": {"Type": "String"},
            "AWS::IoT::Certificate::SerialNumber": {"Type": "String"},
            "AWS::IoT::Certificate::Id": {"Type": "String"}
          },
          "Resources": {
            "thing": {
              "Type": "AWS::IoT::Thing",
              "Properties": {
                "ThingName": {"Ref": "AWS::IoT::Certificate::CommonName"},
                "AttributePayload": {"serialNumber": {"Ref": "AWS::IoT::Certificate::SerialNumber"}, "provisioning": "jitp"}
              }
            },
            "certificate": {
              "Type": "AWS::IoT::Certificate",
              "Properties": {"CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}, "Status": "ACTIVE"}
            },
            {{{DemoTemplate.ThingPolicy}}}
          }
        }
        """;
    }
}
