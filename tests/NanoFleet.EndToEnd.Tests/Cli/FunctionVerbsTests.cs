using System;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NanoFleet.Cli;
using NanoFleet.Cli.Demo;
using NanoFleet.Cloud.Hooks;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>
    /// A hook set up as an operator does it, with `nanofleet cloud function …` and a create-provisioning-template
    /// input file, against a running `cloud start`: the function decides for devices of that template; a
    /// permission for another template leaves devices ACCESS_DENIED. The global `--hook-url` is gone.
    /// </summary>
    public sealed class FunctionVerbsTests : IDisposable
    {
        private const string TemplateArn = "arn:aws:iot:us-east-1:123456789012:provisioningtemplate/" + DemoTemplate.Name;
        private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:allow-list";
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-function-").FullName;

        private string Data => Path.Combine(_dir, "cloud");

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, true);
        }

        [Fact]
        public async Task FunctionWithPermissionForTheTemplate_DecidesWhoProvisions()
        {
            string allowed = DemoFleet.SerialNumber(1), other = DemoFleet.SerialNumber(2);
            await using var hook = new AllowListHook("SerialNumber", [allowed]);
            await hook.StartAsync();
            await DataDirectory.CreateAsync(Data);
            using var cloud = CloudProcess.Start(Data, "--key-algorithm", "ec");

            AssertSuccess(Cli("function", "put", "allow-list", "--url", hook.Url.ToString()), FunctionArn);
            AssertSuccess(Cli("function", "add-permission", "allow-list", "--principal", "iot.amazonaws.com",
                "--source-arn", TemplateArn, "--source-account", "123456789012"), "iot-provisioning-hook");
            AssertSuccess(Cli("template", "put", DemoTemplate.Name, "--cli-input-json", "file://" + WriteCliInput(FunctionArn)), FunctionArn);
            Assert.DoesNotContain("confused deputy", cloud.Output);

            var policy = Cli("function", "get-policy", "allow-list");
            AssertSuccess(policy, "Policy");
            using (var document = JsonDocument.Parse(JsonDocument.Parse(policy.Out).RootElement.GetProperty("Policy").GetString()!))
            {
                var statement = Assert.Single(document.RootElement.GetProperty("Statement").EnumerateArray());
                Assert.Equal("iot.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
                Assert.Equal("lambda:InvokeFunction", statement.GetProperty("Action").GetString());
                Assert.Equal(FunctionArn, statement.GetProperty("Resource").GetString());
                Assert.Equal(TemplateArn, statement.GetProperty("Condition").GetProperty("ArnLike").GetProperty("AWS:SourceArn").GetString());
                Assert.Equal("123456789012", statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("AWS:SourceAccount").GetString());
            }

            string claim = Path.Combine(_dir, "claim");
            AssertSuccess(Cli("claim", "create", "--template", DemoTemplate.Name, "-o", claim), "claim");
            var provisioned = CliRun.Run("device", "run", "--flash", BuildImage(claim, cloud.Port(), 1, allowed), "--once");
            Assert.True(provisioned.Code == ExitCodes.Rebooted, provisioned.Out + provisioned.Err + cloud.Output);
            using (CliProcess.Start(new Regex("."), "device", "run", "--flash", BuildImage(claim, cloud.Port(), 2, other)))
            {
                Assert.True(cloud.WaitForOutput("The pre-provisioning hook denied provisioning"), cloud.Output);
            }

            Assert.True(hook.Requests >= 2, $"the hook was asked {hook.Requests} time(s)");
            string things = Cli("things", "list").Out;
            Assert.Contains(E2eCloud.ThingOf(1), things);
            Assert.DoesNotContain(E2eCloud.ThingOf(2), things);
            AssertSuccess(Cli("function", "list"), "1 function(s)");
            Assert.Equal(ExitCodes.Success, cloud.Stop());
        }

        [Fact]
        public async Task PermissionForAnotherTemplate_DeviceIsAccessDenied_HookNeverAsked()
        {
            await using var hook = new AllowListHook("SerialNumber", [DemoFleet.SerialNumber(1)]);
            await hook.StartAsync();
            await DataDirectory.CreateAsync(Data);
            // Set up offline, on the data directory, then started.
            AssertSuccess(Cli("function", "put", "allow-list", "--url", hook.Url.ToString()), FunctionArn);
            AssertSuccess(Cli("function", "add-permission", "allow-list", "--principal", "iot.amazonaws.com",
                "--source-arn", "arn:aws:iot:us-east-1:123456789012:provisioningtemplate/another"), "another");
            var put = Cli("template", "put", DemoTemplate.Name, "--cli-input-json", WriteCliInput(FunctionArn));
            AssertSuccess(put, FunctionArn);
            Assert.Contains("RegisterThing will be ACCESS_DENIED", put.Err);
            string claim = Path.Combine(_dir, "claim");
            AssertSuccess(Cli("claim", "create", "--template", DemoTemplate.Name, "-o", claim), "claim");
            using var cloud = CloudProcess.Start(Data, "--key-algorithm", "ec");

            using (CliProcess.Start(new Regex("."), "device", "run", "--flash", BuildImage(claim, cloud.Port(), 1, DemoFleet.SerialNumber(1))))
            {
                Assert.True(cloud.WaitForOutput("AWS IoT may not invoke the pre-provisioning hook " + FunctionArn), cloud.Output);
            }

            Assert.Equal(0, hook.Requests);
            Assert.Equal(ExitCodes.Success, cloud.Stop());
        }

        [Theory]
        [InlineData("ftp://127.0.0.1/hook")]
        [InlineData("hooks.example.com/allow")]
        [InlineData("file:///srv/hook")]
        [InlineData("http://[::1")]
        public async Task FunctionPut_UrlNotAbsoluteHttp_Exit2OneLine_NothingRegistered(string url)
        {
            await DataDirectory.CreateAsync(Data);

            Cli("function", "put", "allow-list", "--url", url).AssertOneLineError(ExitCodes.BadInput, url);

            AssertSuccess(Cli("function", "list"), "0 function(s)");
        }

        [Fact]
        public async Task UnknownFunction_Exit2OneLine()
        {
            await DataDirectory.CreateAsync(Data);

            Cli("function", "add-permission", "nope", "--principal", "iot.amazonaws.com").AssertOneLineError(ExitCodes.BadInput, "nope");
            Cli("function", "get-policy", "nope").AssertOneLineError(ExitCodes.BadInput, "nope");
            Cli("function", "delete", "nope").AssertOneLineError(ExitCodes.BadInput, "nope");
        }

        [Fact]
        public void HookUrl_IsGone_Exit2OneLine_NothingMade()
        {
            var result = CliRun.Run("cloud", "start", "--data", Data, "--port", "0", "--hook-url", "http://127.0.0.1:9/hook");

            result.AssertOneLineError(ExitCodes.BadInput, "--hook-url");
            Assert.False(Directory.Exists(Data), "a refused start made a data directory");
        }

        private CliResult Cli(params string[] args) => CliRun.Run(["cloud", .. args, "--data", Data]);

        private static void AssertSuccess(CliResult result, string expected)
        {
            Assert.True(result.Code == ExitCodes.Success, $"exit {result.Code}\n{result.Out}\n{result.Err}");
            Assert.Contains(expected, result.Out);
        }

        /// <summary>The demo template as `aws iot create-provisioning-template --cli-input-json` takes it, hooked to <paramref name="targetArn"/>.</summary>
        private string WriteCliInput(string targetArn)
        {
            string path = Path.Combine(_dir, "template.json");
            File.WriteAllText(path, JsonSerializer.Serialize(new
            {
                templateName = DemoTemplate.Name,
                description = "NanoFleet demo sensors",
                templateBody = DemoTemplate.Body,
                enabled = true,
                provisioningRoleArn = "arn:aws:iam::123456789012:role/NanoFleetProvisioning",
                preProvisioningHook = new { targetArn, payloadVersion = "2020-04-01" },
                type = "FLEET_PROVISIONING",
            }));
            return path;
        }

        /// <summary>`image device` for device <paramref name="index"/> from the claim files, as a factory station would build it.</summary>
        private string BuildImage(string claim, int port, int index, string serial)
        {
            string image = Path.Combine(_dir, $"dev-{index}.bin");
            var built = CliRun.Run("image", "device", "--ca", Path.Combine(claim, "ca.pem"), "--cert", Path.Combine(claim, "claim.pem"),
                "--key", Path.Combine(claim, "claim.key"), "--endpoint", "127.0.0.1:" + port, "--template", DemoTemplate.Name,
                "--param", "SerialNumber=" + serial, "--mac", $"02:4e:46:00:00:0{index}", "-o", image);
            Assert.True(built.Code == ExitCodes.Success, built.Err);
            return image;
        }
    }
}
