using System.Collections.Generic;
using System.Threading.Tasks;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>Each template function evaluated by a real RegisterThing, and each misuse rejected with its reason.</summary>
    public class IntrinsicFunctionTests
    {
        private const string Params = "\"SerialNumber\": {\"Type\": \"String\"}, \"Model\": {\"Type\": \"String\", \"Default\": \"m1\"}, \"Csv\": {\"Type\": \"String\", \"Default\": \"a,b,c\"}";
        private const string Maps = "{\"Models\": {\"m1\": {\"Prefix\": \"lamp\"}, \"m2\": {\"Prefix\": \"fan\"}}}";

        [Theory]
        [InlineData("{\"Ref\": \"SerialNumber\"}", "SN1")]
        [InlineData("{\"Ref\": \"Model\"}", "m1")] // Default
        [InlineData("{\"Fn::Join\": [\"-\", [\"x\", {\"Ref\": \"SerialNumber\"}, {\"Ref\": \"Model\"}]]}", "x-SN1-m1")]
        [InlineData("{\"Fn::Select\": [\"1\", {\"Fn::Split\": [\",\", {\"Ref\": \"Csv\"}]}]}", "b")]
        [InlineData("{\"Fn::Select\": [2, [\"p\", \"q\", \"r\"]]}", "r")]
        [InlineData("{\"Fn::Join\": [\"_\", [{\"Fn::FindInMap\": [\"Models\", {\"Ref\": \"Model\"}, \"Prefix\"]}, {\"Ref\": \"SerialNumber\"}]]}", "lamp_SN1")]
        [InlineData("{\"Fn::Sub\": \"dev-${SerialNumber}-${Model}\"}", "dev-SN1-m1")]
        [InlineData("{\"Fn::Sub\": [\"${Kind}-${SerialNumber}\", {\"Kind\": {\"Fn::FindInMap\": [\"Models\", \"m2\", \"Prefix\"]}}]}", "fan-SN1")]
        public async Task RegisterThing_EvaluatesFunction_HappyPath(string expression, string expectedThingName)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("t", TemplateBodies.WithThingName(expression, Params, mappingsJson: Maps));
            await using var device = await env.ConnectAsync(claim);
            var (_, registered) = await Flow.ProvisionAsync(device, "t", Flow.Serial("SN1"));
            Assert.True(registered.Accepted, registered.Body.GetValueOrDefault("errorMessage") as string);
            Assert.Equal(expectedThingName, registered.Text("thingName"));
        }

        [Fact]
        public async Task RegisterThing_CertificateIdPseudoParameter_AndDeviceConfiguration()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("t", TemplateBodies.WithThingName("{\"Fn::Join\": [\"\", [\"c-\", {\"Ref\": \"AWS::IoT::Certificate::Id\"}]]}",
                configurationJson: "{\"Cert\": {\"Ref\": \"AWS::IoT::Certificate::Id\"}, \"Fixed\": \"v\"}"));
            await using var device = await env.ConnectAsync(claim);
            var (created, registered) = await Flow.ProvisionAsync(device, "t", Flow.Serial("1"), "cbor");
            string id = created.Text("certificateId");
            Assert.Equal("c-" + id, registered.Text("thingName"));
            Assert.Equal(new Dictionary<string, object?> { ["Cert"] = id, ["Fixed"] = "v" }, registered.Map("deviceConfiguration"));
        }

        [Theory]
        [InlineData("{\"Fn::Select\": [\"5\", [\"a\"]]}", "out of range")]
        [InlineData("{\"Fn::FindInMap\": [\"Models\", \"m9\", \"Prefix\"]}", "has no entry 'm9'")]
        [InlineData("{\"Fn::FindInMap\": [\"Nope\", \"m1\", \"Prefix\"]}", "Mappings has no map 'Nope'")]
        [InlineData("{\"Ref\": \"Missing\"}", "parameter 'Missing' has no value")]
        [InlineData("{\"Fn::Join\": [\"-\", \"notalist\"]}", "expects a list")]
        [InlineData("{\"Fn::Split\": [\"\", \"abc\"]}", "delimiter is empty")]
        [InlineData("{\"Fn::Sub\": \"x-${Unknown}\"}", "parameter 'Unknown' has no value")]
        public async Task RegisterThing_FunctionMisuse_IsRejected_AndNothingIsWritten(string expression, string expected)
        {
            await using var env = await TestEmulator.StartAsync();
            string parameters = Params + ", \"Missing\": {\"Type\": \"String\"}";
            var claim = await env.TemplateAndClaimAsync("t", TemplateBodies.WithThingName(expression, parameters, mappingsJson: Maps));
            await using var device = await env.ConnectAsync(claim);
            var (created, registered) = await Flow.ProvisionAsync(device, "t", Flow.Serial("SN1"));
            Assert.False(registered.Accepted);
            Assert.Equal(400L, registered.Body["statusCode"]);
            Assert.Equal("InvalidRequestException", registered.Text("errorCode"));
            Assert.Contains(expected, registered.Text("errorMessage"));
            Assert.Empty(await env.Emulator.Things.ListAsync());
            Assert.Equal(CertificateStatus.PendingActivation, (await env.Emulator.Certificates.GetAsync(created.Text("certificateId")))!.Status);
            Assert.Equal(1, env.Emulator.Metrics.RegisterThingFailed);
        }
    }
}
