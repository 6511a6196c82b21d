using System.Threading.Tasks;
using NanoFleet.ControlPlane.Tests.Support;

namespace NanoFleet.ControlPlane.Tests.AwsClients
{
    /// <summary>Debian's AWS CLI v2 against the emulator's IoT policy operations.</summary>
    public sealed class AwsCliPolicyTests
    {
        [Fact]
        public async Task CreatePolicy_ThenGetPolicy_ReturnTheDocument_AndASecondCreateIsRefused()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var aws = new AwsCli(cloud);

            var created = await aws.JsonAsync("create-policy", "--policy-name", "connect-only", "--policy-document", Templates.ConnectPolicy);
            var got = await aws.JsonAsync("get-policy", "--policy-name", "connect-only");
            var again = await aws.RunAsync("create-policy", "--policy-name", "connect-only", "--policy-document", Templates.ConnectPolicy);
            var missing = await aws.RunAsync("get-policy", "--policy-name", "nope");

            string arn = $"arn:aws:iot:{cloud.Region}:{cloud.AccountId}:policy/connect-only";
            Assert.Equal((arn, "1", Templates.ConnectPolicy), ((string)created["policyArn"]!, (string)created["policyVersionId"]!, (string)created["policyDocument"]!));
            Assert.Equal((arn, "1", Templates.ConnectPolicy), ((string)got["policyArn"]!, (string)got["defaultVersionId"]!, (string)got["policyDocument"]!));
            Assert.True(again.ExitCode == 254, again.ToString());
            Assert.Contains("(ResourceAlreadyExistsException) when calling the CreatePolicy operation", again.Stderr);
            Assert.Contains("(ResourceNotFoundException) when calling the GetPolicy operation", missing.Stderr);
        }

        [Fact]
        public async Task CreatePolicy_WithAMalformedDocument_IsMalformedPolicyException()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();

            var result = await new AwsCli(cloud).RunAsync("create-policy", "--policy-name", "broken", "--policy-document", """{"Statement":"nope"}""");

            Assert.True(result.ExitCode == 254, result.ToString());
            Assert.Contains("(MalformedPolicyException)", result.Stderr);
            Assert.Null(await cloud.Emulator.Policies.GetAsync("broken"));
        }

        [Fact]
        public async Task AttachPolicy_ThenDetachPolicy_ChangeWhatTheCertificateHas()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var aws = new AwsCli(cloud);
            await aws.JsonAsync("create-policy", "--policy-name", "connect-only", "--policy-document", Templates.ConnectPolicy);
            var certificate = await aws.JsonAsync("create-keys-and-certificate", "--set-as-active");
            string id = (string)certificate["certificateId"]!, arn = (string)certificate["certificateArn"]!;

            var attach = await aws.RunAsync("attach-policy", "--policy-name", "connect-only", "--target", arn);
            var attached = await cloud.Emulator.Policies.AttachedToAsync(id);
            var detach = await aws.RunAsync("detach-policy", "--policy-name", "connect-only", "--target", arn);
            var detached = await cloud.Emulator.Policies.AttachedToAsync(id);
            var unknown = await aws.RunAsync("attach-policy", "--policy-name", "nope", "--target", arn);
            var notACertificate = await aws.RunAsync("attach-policy", "--policy-name", "connect-only", "--target", "arn:aws:iot:us-east-1:1:thinggroup/g");

            Assert.True(attach.ExitCode == 0 && detach.ExitCode == 0, attach + "\n" + detach);
            Assert.Equal(new[] { "connect-only" }, attached);
            Assert.Empty(detached);
            Assert.Contains("(ResourceNotFoundException) when calling the AttachPolicy operation", unknown.Stderr);
            Assert.True(notACertificate.ExitCode == 254, notACertificate.ToString());
            Assert.Contains("(InvalidRequestException)", notACertificate.Stderr);
        }
    }
}
