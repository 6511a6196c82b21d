using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NanoFleet.Cli;
using NanoFleet.Cli.Demo;
using NanoFleet.Cloud.Hooks;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>`nanofleet cloud start --hook-url URL` as an operator runs it: the hook is called and decides; a URL
    /// that is not an absolute http(s) one is one line and exit 2, before anything is made.</summary>
    public sealed class HookUrlTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-hook-").FullName;

        private string Data => Path.Combine(_dir, "cloud");

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, true);
        }

        [Fact]
        public async Task HookUrl_TheHookDecides_AllowedDeviceProvisions_OtherIsDenied()
        {
            string allowed = DemoFleet.SerialNumber(1), other = DemoFleet.SerialNumber(2);
            await using var hook = new AllowListHook("SerialNumber", [allowed]);
            await hook.StartAsync();
            await DataDirectory.CreateAsync(Data);
            using var cloud = CloudProcess.Start(Data, "--key-algorithm", "ec", "--hook-url", hook.Url.ToString());
            string claim = Path.Combine(_dir, "claim");
            Assert.Equal(ExitCodes.Success, CliRun.Run("cloud", "claim", "create", "--template", DemoTemplate.Name, "-o", claim, "--data", Data).Code);

            var provisioned = CliRun.Run("device", "run", "--flash", BuildImage(claim, cloud.Port(), 1, allowed), "--once");
            Assert.True(provisioned.Code == ExitCodes.Rebooted, provisioned.Out + provisioned.Err + cloud.Output);
            // A device the hook refuses keeps retrying; the emulator's log shows the hook's answer.
            using (CliProcess.Start(new Regex("."), "device", "run", "--flash", BuildImage(claim, cloud.Port(), 2, other)))
            {
                Assert.True(cloud.WaitForOutput("The pre-provisioning hook denied provisioning"), cloud.Output);
            }

            Assert.True(hook.Requests >= 2, $"the hook was asked {hook.Requests} time(s)");
            string things = CliRun.Run("cloud", "things", "list", "--data", Data).Out;
            Assert.Contains(E2eCloud.ThingOf(1), things);
            Assert.DoesNotContain(E2eCloud.ThingOf(2), things);
            Assert.Equal(ExitCodes.Success, cloud.Stop());
        }

        [Theory]
        [InlineData("ftp://127.0.0.1/hook")]
        [InlineData("hooks.example.com/allow")]
        [InlineData("file:///srv/hook")]
        [InlineData("http://[::1")]
        public void HookUrl_NotAbsoluteHttp_Exit2OneLine_NothingMade(string url)
        {
            var result = CliRun.Run("cloud", "start", "--data", Data, "--port", "0", "--hook-url", url);

            result.AssertOneLineError(ExitCodes.BadInput, url);
            Assert.False(Directory.Exists(Data), "a refused start made a data directory");
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
