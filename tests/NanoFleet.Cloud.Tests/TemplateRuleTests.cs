using System.Threading.Tasks;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>Every template rule AWS documents is enforced at `template put`, with an error naming it.</summary>
    public class TemplateRuleTests
    {
        private const string Cert = "\"certificate\": {\"Type\": \"AWS::IoT::Certificate\", \"Properties\": {\"CertificateId\": {\"Ref\": \"AWS::IoT::Certificate::Id\"}}}";

        [Theory]
        [InlineData("{\"Resources\": {\"c\": {\"Type\": \"AWS::IoT::Certificate\", \"Properties\": {\"CertificateId\": {\"Ref\": \"AWS::IoT::Certificate::Id\"}, \"CertificatePem\": \"x\"}}}}", "declared in exactly one way")]
        [InlineData("{\"Resources\": {\"c\": {\"Type\": \"AWS::IoT::Certificate\", \"Properties\": {\"Status\": \"ACTIVE\"}}}}", "found none")]
        [InlineData("{\"Resources\": {\"c\": {\"Type\": \"AWS::IoT::Certificate\", \"Properties\": {\"CertificateSigningRequest\": \"x\"}}}}", "only by CertificateId")]
        [InlineData("{\"Resources\": {\"t\": {\"Type\": \"AWS::IoT::Thing\", \"Properties\": {\"ThingName\": \"a\"}}}}", "exactly one")]
        [InlineData("{\"Resources\": {" + Cert + ", \"p\": {\"Type\": \"AWS::IoT::Policy\", \"Properties\": {\"PolicyName\": \"a\", \"PolicyDocument\": \"{}\"}}}}", "PolicyName or PolicyDocument, not both")]
        [InlineData("{\"Resources\": {" + Cert + ", \"p\": {\"Type\": \"AWS::IoT::Policy\", \"Properties\": {}}}}", "not both and not neither")]
        [InlineData("{\"Resources\": {" + Cert + ", \"t\": {\"Type\": \"AWS::IoT::Thing\", \"Properties\": {\"ThingName\": {\"Fn::If\": [\"a\", \"b\", \"c\"]}}}}}", "Fn::If is not supported")]
        [InlineData("{\"Resources\": {" + Cert + ", \"t\": {\"Type\": \"AWS::IoT::Thing\", \"Properties\": {\"ThingName\": {\"Ref\": \"Nope\"}}}}}", "Ref 'Nope' names no declared parameter")]
        [InlineData("{\"Mappings\": {\"M\": {\"a\": {\"b\": {\"Ref\": \"X\"}}}}, \"Resources\": {" + Cert + "}}", "Mappings may hold only literal values")]
        [InlineData("{\"Conditions\": {}, \"Resources\": {" + Cert + "}}", "Unknown top-level section 'Conditions'")]
        [InlineData("{\"Resources\": {" + Cert + ", \"t\": {\"Type\": \"AWS::IoT::Thing\", \"Properties\": {\"ThingName\": \"a\"}, \"OverrideSettings\": {\"ThingTypeName\": \"MERGE\"}}}}", "MERGE applies only to AttributePayload and ThingGroups")]
        [InlineData("{\"Resources\": {" + Cert + "}, \"DeviceConfiguration\": {\"a\": {\"b\": \"c\"}}}", "nested objects and lists are not supported")]
        [InlineData("{\"Resources\": {" + Cert + ", \"x\": {\"Type\": \"AWS::S3::Bucket\"}}}", "Type must be AWS::IoT::Thing")]
        [InlineData("[1]", "not a JSON object")]
        public async Task Put_RejectsABrokenRule_WithAClearError(string body, string expected)
        {
            await using var env = await TestEmulator.StartAsync();
            var error = await Assert.ThrowsAsync<InvalidTemplateException>(() => env.Emulator.Templates.PutAsync("t", body));
            Assert.Contains(expected, error.Message);
            Assert.Null(await env.Emulator.Templates.GetAsync("t"));
        }

        [Fact]
        public async Task Put_BodyLongerThan10240Characters_IsRejected()
        {
            await using var env = await TestEmulator.StartAsync();
            string body = "{\"Resources\": {" + Cert + "}, \"DeviceConfiguration\": {\"pad\": \"" + new string('x', 10_240) + "\"}}";
            var error = await Assert.ThrowsAsync<InvalidTemplateException>(() => env.Emulator.Templates.PutAsync("t", body));
            Assert.Contains("at most 10,240", error.Message);
        }

        [Theory]
        [InlineData("")]
        [InlineData("has space")]
        [InlineData("a234567890123456789012345678901234567")]
        public async Task Put_InvalidName_IsRejected(string name)
        {
            await using var env = await TestEmulator.StartAsync();
            var error = await Assert.ThrowsAsync<InvalidTemplateException>(() => env.Emulator.Templates.PutAsync(name, TemplateBodies.Fleet));
            Assert.Contains("1-36 characters", error.Message);
        }

        [Fact]
        public async Task Put_Twice_AddsAVersion_AndDisabledTemplateRejectsRegisterThing()
        {
            await using var env = await TestEmulator.StartAsync();
            Assert.Equal(1, (await env.Emulator.Templates.PutAsync("fleet", TemplateBodies.Fleet)).DefaultVersion);
            Assert.Equal(2, (await env.Emulator.Templates.PutAsync("fleet", TemplateBodies.Fleet, enabled: false)).DefaultVersion);
            var claim = await env.Emulator.Claims.CreateAsync("fleet");
            await using var device = await env.ConnectAsync(claim);
            var (_, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));
            Assert.False(registered.Accepted);
            Assert.Equal("InvalidRequestException", registered.Text("errorCode"));
            Assert.Contains("disabled", registered.Text("errorMessage"));
            Assert.Empty(await env.Emulator.Things.ListAsync());
        }
    }
}
