using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NanoFleet.Cli;
using NanoFleet.Cli.Demo;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Tests.Shared;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>
    /// `nanofleet cloud start` serves the AWS IoT control plane and prints its address; `cloud template put` goes
    /// through it; `cloud identity` verbs make, hand out and delete the keys the AWS CLI then signs with.
    /// </summary>
    [Collection(ConsoleCollection.Name)]
    public sealed class CloudControlPlaneVerbsTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-cloud-cp-").FullName;

        private string Data => Path.Combine(_dir, "cloud");

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, true);
        }

        [Fact]
        public async Task Start_ServesControlPlane_TemplatePutAndIdentitiesWorkWithTheAwsCli()
        {
            using var cloud = CloudProcess.Start(Data, "--region", "eu-west-1");
            Assert.True(cloud.WaitForOutput("control plane: http://127.0.0.1:"), cloud.Output);
            var endpoint = new Uri(Regex.Match(cloud.Output, @"control plane: (http://127\.0\.0\.1:\d+)").Groups[1].Value);

            var put = Cloud("template", "put", DemoTemplate.Name, WriteFile("template.json", DemoTemplate.Body));
            Assert.True(put.ExitCode == ExitCodes.Success, put.Output);
            Assert.Contains($"template '{DemoTemplate.Name}' stored as version 1 (enabled)", put.Output);

            var export = Cloud("identity", "credentials", "operator");
            Assert.True(export.ExitCode == ExitCodes.Success, export.Output);
            var keys = Regex.Match(export.Output, @"^export AWS_ACCESS_KEY_ID=(AKIA[A-Z2-7]{16}) AWS_SECRET_ACCESS_KEY=(\S{40}) AWS_DEFAULT_REGION=eu-west-1$", RegexOptions.Multiline);
            Assert.True(keys.Success, export.Output);
            var described = await ClientProcess.AwsIotAsync(endpoint, "eu-west-1", ClientProcess.AwsEnvironment(keys.Groups[1].Value, keys.Groups[2].Value),
                new[] { "describe-provisioning-template", "--template-name", DemoTemplate.Name });
            Assert.True(described.ExitCode == 0, described.ToString());
            // Stored through the control plane: CreateProvisioningTemplate named the default role of the emulator's account.
            Assert.Equal("arn:aws:iam::123456789012:role/NanoFleetProvisioning", (string?)JsonNode.Parse(described.Stdout)!["provisioningRoleArn"]);

            string policy = WriteFile("reader.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:List*","Resource":"*"}]}""");
            var created = Cloud("identity", "create", "reader", "--policy", policy);
            Assert.True(created.ExitCode == ExitCodes.Success, created.Output);
            string profiles = Path.Combine(_dir, "credentials");
            var written = Cloud("identity", "credentials", "reader", "--profile-file", profiles);
            Assert.True(written.ExitCode == ExitCodes.Success, written.Output);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(profiles));
            var asReader = ClientProcess.AwsEnvironment(null, null, profiles, "reader");
            var listed = await ClientProcess.AwsIotAsync(endpoint, "eu-west-1", asReader, new[] { "list-provisioning-templates" });
            var denied = await ClientProcess.AwsIotAsync(endpoint, "eu-west-1", asReader, new[] { "delete-provisioning-template", "--template-name", DemoTemplate.Name });
            Assert.True(listed.ExitCode == 0, listed.ToString());
            Assert.Contains("(AccessDeniedException)", denied.Stderr);

            var list = Cloud("identity", "list");
            Assert.Contains("reader", list.Output);
            Assert.Contains("3 identity(ies)", list.Output);
            Assert.DoesNotContain(keys.Groups[2].Value, list.Output);

            Assert.Equal(ExitCodes.Success, Cloud("identity", "delete", "reader").ExitCode);
            var gone = await ClientProcess.AwsIotAsync(endpoint, "eu-west-1", asReader, new[] { "list-provisioning-templates" });
            Assert.Contains("(UnrecognizedClientException)", gone.Stderr);
            Assert.DoesNotContain(keys.Groups[2].Value, cloud.Output); // the emulator never logs a secret

            Assert.Equal(ExitCodes.Success, cloud.Stop());
        }

        [Theory]
        [InlineData("""{"Statement":{"Effect":"Allow","Action":"iot:*"}}""", "exactly one of Resource and NotResource")]
        [InlineData("not json", "not JSON")]
        public async Task IdentityCreate_BadPolicy_Exit2_NamesTheFileAndTheProblem(string policy, string problem)
        {
            await DataDirectory.CreateAsync(Data);
            string file = WriteFile("policy.json", policy);

            var result = Cloud("identity", "create", "someone", "--policy", file);

            Assert.Equal(ExitCodes.BadInput, result.ExitCode);
            Assert.Contains(file, result.Output);
            Assert.Contains(problem, result.Output);
        }

        private (int ExitCode, string Output) Cloud(params string[] verb) => ConsoleCapture.Run(["cloud", .. verb, "--data", Data]);

        private string WriteFile(string name, string text)
        {
            string path = Path.Combine(_dir, name);
            File.WriteAllText(path, text);
            return path;
        }
    }
}
