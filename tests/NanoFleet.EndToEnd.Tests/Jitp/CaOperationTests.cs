using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cli.Demo;
using NanoFleet.Cloud;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.ControlPlane.Operations;
using NanoFleet.Station.Jitp;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Jitp
{
    /// <summary>
    /// The AWS IoT CA operations through the control plane's route table (paths, query strings, bodies and error types of
    /// the AWS IoT API reference), over a running emulator and a factory CA made at test time.
    /// </summary>
    public sealed class CaOperationTests
    {
        private const string Caller = "arn:aws:iam::123456789012:user/operator";

        [Fact]
        public async Task RegisterListDescribeUpdate_HappyPath()
        {
            await using var world = await JitpWorld.StartAsync();
            var table = ControlPlaneOperations.Build(world.Emulator);
            using var ca = world.LoadCa();

            string code = (string)(await table.DispatchAsync("GET", "/registrationcode", null, Caller))!["registrationCode"]!;
            Assert.Matches("^[0-9a-f]{64}$", code);
            Assert.Equal(code, await world.Emulator.CaCertificates.GetRegistrationCodeAsync()); // one per account, kept

            var registered = (await table.DispatchAsync("POST", "/cacertificate?setAsActive=true&allowAutoRegistration=true",
                RegisterBody(ca, ca.SignVerification(code), JitpTemplate.Body), Caller))!;
            string id = (string)registered["certificateId"]!;
            Assert.EndsWith(":cacert/" + id, (string)registered["certificateArn"]!);

            var listed = (JsonArray)(await table.DispatchAsync("GET", "/cacertificates", null, Caller))!["certificates"]!;
            Assert.Equal(id, (string)listed.Single()!["certificateId"]!);
            Assert.Equal("ACTIVE", (string)listed.Single()!["status"]!);

            var described = (await table.DispatchAsync("GET", "/cacertificate/" + id, null, Caller))!;
            Assert.Equal("ENABLE", (string)described["certificateDescription"]!["autoRegistrationStatus"]!);
            Assert.Equal(ca.CertificatePem, (string)described["certificateDescription"]!["certificatePem"]!);
            Assert.Equal(JitpTemplate.Body, (string)described["registrationConfig"]!["templateBody"]!);

            Assert.Null(await table.DispatchAsync("PUT", $"/cacertificate/{id}?newStatus=INACTIVE&newAutoRegistrationStatus=DISABLE", null, Caller));
            described = (await table.DispatchAsync("GET", "/cacertificate/" + id, null, Caller))!;
            Assert.Equal("INACTIVE", (string)described["certificateDescription"]!["status"]!);
            Assert.Equal("DISABLE", (string)described["certificateDescription"]!["autoRegistrationStatus"]!);

            var again = await Assert.ThrowsAsync<AwsServiceException>(() => table.DispatchAsync("POST", "/cacertificate",
                RegisterBody(ca, ca.SignVerification(code), null), Caller));
            Assert.Equal("ResourceAlreadyExistsException", again.ErrorType);
            Assert.Equal(409, again.StatusCode);
        }

        [Fact]
        public async Task RegistrationCodeMismatch_Refused()
        {
            await using var world = await JitpWorld.StartAsync();
            var table = ControlPlaneOperations.Build(world.Emulator);
            using var ca = world.LoadCa();
            await world.Emulator.CaCertificates.GetRegistrationCodeAsync();

            var error = await Assert.ThrowsAsync<AwsServiceException>(() => table.DispatchAsync("POST", "/cacertificate?setAsActive=true",
                RegisterBody(ca, ca.SignVerification(new string('0', 64)), JitpTemplate.Body), Caller));
            Assert.Equal("RegistrationCodeValidationException", error.ErrorType);
            Assert.Empty(await world.Emulator.CaCertificates.ListAsync());
        }

        [Fact]
        public async Task VerificationSignedByAnotherKey_Refused()
        {
            await using var world = await JitpWorld.StartAsync();
            var table = ControlPlaneOperations.Build(world.Emulator);
            using var ca = world.LoadCa();
            var other = FactoryCa.Create("Other");
            using var otherCa = FactoryCa.Load(other.CaPem, other.CaKeyPem, "other.pem", "other.key");
            string code = await world.Emulator.CaCertificates.GetRegistrationCodeAsync();

            var error = await Assert.ThrowsAsync<AwsServiceException>(() => table.DispatchAsync("POST", "/cacertificate",
                RegisterBody(ca, otherCa.SignVerification(code), null), Caller));
            Assert.Equal("CertificateValidationException", error.ErrorType);
        }

        [Theory]
        [InlineData("{\"Fn::Join\": [\"\", [{\"Ref\": \"AWS::IoT::Certificate::Id\"}]]}")]
        [InlineData("\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"")]
        public async Task JitpTemplateWithoutCertificateIdRef_Refused(string certificateId)
        {
            await using var world = await JitpWorld.StartAsync();
            var table = ControlPlaneOperations.Build(world.Emulator);
            using var ca = world.LoadCa();
            string code = await world.Emulator.CaCertificates.GetRegistrationCodeAsync();
            string body = JitpTemplate.Body.Replace("{\"Ref\": \"AWS::IoT::Certificate::Id\"}, \"Status\"", certificateId + ", \"Status\"");
            Assert.NotEqual(JitpTemplate.Body, body);

            var error = await Assert.ThrowsAsync<AwsServiceException>(() => table.DispatchAsync("POST", "/cacertificate?setAsActive=true&allowAutoRegistration=true",
                RegisterBody(ca, ca.SignVerification(code), body), Caller));
            Assert.Equal("InvalidRequestException", error.ErrorType);
            Assert.Contains("CertificateId", error.Message);
            Assert.Empty(await world.Emulator.CaCertificates.ListAsync());
        }

        [Fact]
        public async Task UnknownCa_NotFound()
        {
            await using var world = await JitpWorld.StartAsync();
            var table = ControlPlaneOperations.Build(world.Emulator);
            var error = await Assert.ThrowsAsync<AwsServiceException>(() => table.DispatchAsync("PUT", "/cacertificate/" + new string('a', 64) + "?newStatus=ACTIVE", null, Caller));
            Assert.Equal("ResourceNotFoundException", error.ErrorType);
            var bad = await Assert.ThrowsAsync<AwsServiceException>(() => table.DispatchAsync("PUT", "/cacertificate/x?newStatus=REVOKED", null, Caller));
            Assert.Equal("InvalidRequestException", bad.ErrorType);
        }

        private static JsonObject RegisterBody(FactoryCa ca, string verificationPem, string? templateBody)
        {
            var body = new JsonObject { ["caCertificate"] = ca.CertificatePem, ["verificationCertificate"] = verificationPem };
            if (templateBody is not null)
            {
                body["registrationConfig"] = new JsonObject { ["templateBody"] = templateBody, ["roleArn"] = "arn:aws:iam::123456789012:role/JITPRole" };
            }

            return body;
        }
    }
}
