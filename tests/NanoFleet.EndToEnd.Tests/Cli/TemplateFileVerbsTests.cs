using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using NanoFleet.Cli;
using NanoFleet.Cli.Demo;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>`cloud template put NAME --cli-input-json FILE` takes the AWS CLI's input file unchanged, and
    /// `cloud template export NAME --cloudformation` writes the stack for AWS, on the data directory and against a
    /// running emulator alike.</summary>
    public sealed class TemplateFileVerbsTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-template-file-").FullName;

        private string Data => Path.Combine(_dir, "cloud");

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, true);
        }

        [Fact]
        public async Task CliInputJson_Stored_ThenExportedAsCloudFormation_OfflineAndRunning()
        {
            await DataDirectory.CreateAsync(Data);
            string input = WriteInput(DemoTemplate.Name);

            var put = Cli("template", "put", DemoTemplate.Name, "--cli-input-json", input);
            Assert.True(put.Code == ExitCodes.Success, put.Err);
            Assert.Contains($"template '{DemoTemplate.Name}' stored as version 2 (enabled, pre-provisioning hook arn:aws:lambda:us-east-1:123456789012:function:allow-list)", put.Out);

            string stack = Path.Combine(_dir, "stack.json");
            var exported = Cli("template", "export", DemoTemplate.Name, "--cloudformation", "--output", stack);
            Assert.True(exported.Code == ExitCodes.Success, exported.Err);
            AssertStack(File.ReadAllText(stack));

            using var cloud = CloudProcess.Start(Data);
            var online = Cli("template", "export", DemoTemplate.Name, "--cloudformation");
            Assert.True(online.Code == ExitCodes.Success, online.Err);
            Assert.Equal(File.ReadAllText(stack), online.Out);
            var again = Cli("template", "put", DemoTemplate.Name, "--cli-input-json", "file://" + input);
            Assert.True(again.Code == ExitCodes.Success, again.Err);
            Assert.Contains("stored as version 3", again.Out);
            Assert.True(cloud.WaitForOutput("RegisterThing will be ACCESS_DENIED"), cloud.Output); // no such function yet
            Assert.Equal(ExitCodes.Success, cloud.Stop());
        }

        [Fact]
        public async Task Mistakes_AreOneLine_Exit2_NothingStored()
        {
            await DataDirectory.CreateAsync(Data);
            string input = WriteInput("another-name");
            string body = Path.Combine(_dir, "body.json");
            File.WriteAllText(body, DemoTemplate.Body);

            Cli("template", "put", DemoTemplate.Name, "--cli-input-json", input).AssertOneLineError(ExitCodes.BadInput, "another-name", input);
            Cli("template", "put", DemoTemplate.Name, body, "--cli-input-json", input).AssertOneLineError(ExitCodes.BadInput, "--cli-input-json");
            Cli("template", "put", DemoTemplate.Name).AssertOneLineError(ExitCodes.BadInput, "FILE");
            Cli("template", "put", "another-name", "--cli-input-json", input, "--disabled").AssertOneLineError(ExitCodes.BadInput, "--disabled");
            Cli("template", "export", "missing", "--cloudformation").AssertOneLineError(ExitCodes.BadInput, "missing");
            Cli("template", "export", DemoTemplate.Name).AssertOneLineError(ExitCodes.BadInput, "--cloudformation");

            var stored = Cli("template", "export", DemoTemplate.Name, "--cloudformation");
            Assert.True(stored.Code == ExitCodes.Success, stored.Err);
            Assert.DoesNotContain("PreProvisioningHook", stored.Out); // the refused files changed nothing
        }

        private static void AssertStack(string json)
        {
            using var stack = JsonDocument.Parse(json);
            var resources = stack.RootElement.GetProperty("Resources");
            Assert.Equal("AWS::IoT::ProvisioningTemplate", resources.GetProperty("ProvisioningTemplate").GetProperty("Type").GetString());
            var properties = resources.GetProperty("ProvisioningTemplate").GetProperty("Properties");
            Assert.Equal(DemoTemplate.Body, properties.GetProperty("TemplateBody").GetString());
            Assert.Equal("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:allow-list",
                properties.GetProperty("PreProvisioningHook").GetProperty("TargetArn").GetProperty("Fn::Sub").GetString());
            Assert.Equal("AWS::Lambda::Permission", resources.GetProperty("HookPermission").GetProperty("Type").GetString());
            Assert.Equal("AWS::IAM::Role", resources.GetProperty("ProvisioningRole").GetProperty("Type").GetString());
            Assert.Equal("AWS::IoT::Policy", resources.GetProperty("ClaimPolicy").GetProperty("Type").GetString());
        }

        private CliResult Cli(params string[] args) => CliRun.Run(["cloud", .. args, "--data", Data]);

        private string WriteInput(string templateName)
        {
            string path = Path.Combine(_dir, templateName + ".json");
            File.WriteAllText(path, JsonSerializer.Serialize(new
            {
                templateName,
                templateBody = DemoTemplate.Body,
                enabled = true,
                provisioningRoleArn = "arn:aws:iam::123456789012:role/NanoFleetProvisioning",
                preProvisioningHook = new { targetArn = "arn:aws:lambda:us-east-1:123456789012:function:allow-list", payloadVersion = "2020-04-01" },
            }));
            return path;
        }
    }
}
