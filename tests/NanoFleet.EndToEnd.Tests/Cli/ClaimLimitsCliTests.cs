using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NanoFleet.Cli;
using NanoFleet.Cli.Demo;
using NanoFleet.Cloud;
using NanoFleet.Cloud.Monitoring;
using NanoFleet.Cloud.Options;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>
    /// Claim misuse thresholds from the command line: `cloud claim create --max-… --on-alarm`, `cloud claim limits ID`
    /// to change them, `cloud metrics` to show them with the claim's usage; bad thresholds are one line, exit 2, nothing made.
    /// </summary>
    public sealed class ClaimLimitsCliTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-claim-limits-").FullName;

        private string Data => Path.Combine(_dir, "cloud");

        private string Output => Path.Combine(_dir, "claim");

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, true);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)] // through the running emulator's admin endpoint, where metrics shows them
        public async Task CreateWithThresholds_LimitsReplacesThem(bool running)
        {
            await DataDirectory.CreateAsync(Data);
            using var cloud = running ? CloudProcess.Start(Data) : null;

            var created = CliRun.Run("cloud", "claim", "create", "--template", DemoTemplate.Name, "-o", Output, "--data", Data,
                "--max-registrations-per-minute", "2", "--on-alarm", "deactivate");
            Assert.True(created.Code == ExitCodes.Success, created.Err);
            string id = Regex.Match(created.Out, "claim ([0-9a-f]{64})").Groups[1].Value;
            Assert.Equal(new ClaimLimits(MaxRegistrationsPerMinute: 2, OnAlarm: ClaimAlarmAction.Deactivate), await LimitsAsync(id, cloud));

            var changed = CliRun.Run("cloud", "claim", "limits", id, "--max-failures-per-minute", "3", "--data", Data);

            Assert.True(changed.Code == ExitCodes.Success, changed.Err);
            Assert.Contains($"claim {id} thresholds: registrations/min -, failures/min 3, addresses -, on alarm log", changed.Out);
            Assert.Equal(new ClaimLimits(MaxFailuresPerMinute: 3), await LimitsAsync(id, cloud));
            if (cloud is not null)
            {
                Assert.Equal(ExitCodes.Success, cloud.Stop());
            }
        }

        [Fact]
        public async Task BadThresholdOrAction_Exit2OneLine_NothingRegistered()
        {
            await DataDirectory.CreateAsync(Data);

            CliRun.Run("cloud", "claim", "create", "--template", DemoTemplate.Name, "-o", Output, "--data", Data, "--max-registrations-per-minute", "0")
                .AssertOneLineError(ExitCodes.BadInput, "--max-registrations-per-minute 0");
            CliRun.Run("cloud", "claim", "create", "--template", DemoTemplate.Name, "-o", Output, "--data", Data, "--on-alarm", "shout")
                .AssertOneLineError(ExitCodes.BadInput, "shout");
            Assert.Equal(0, await DataDirectory.ClaimCountAsync(Data));
            Assert.False(Directory.Exists(Output));

            CliRun.Run("cloud", "claim", "limits", new string('0', 64), "--max-distinct-addresses", "2", "--data", Data)
                .AssertOneLineError(ExitCodes.BadInput, "no claim certificate has id " + new string('0', 64));
        }

        /// <summary>Through `cloud metrics` when an emulator runs (which also proves it shows them), else read from the registry.</summary>
        private async Task<ClaimLimits> LimitsAsync(string id, CliProcess? cloud)
        {
            if (cloud is not null)
            {
                var metrics = CliRun.Run("cloud", "metrics", "--data", Data);
                Assert.True(metrics.Code == ExitCodes.Success, metrics.Err);
                string line = Assert.Single(metrics.Out.Split('\n'), l => l.StartsWith($"claim {id} ", StringComparison.Ordinal));
                Assert.Contains($"template={DemoTemplate.Name} ACTIVE registrations=0 (0/min) failures=0 (0/min) hook-denials=0", line);
                var match = Regex.Match(line, @"thresholds registrations/min (\S+), failures/min (\S+), addresses (\S+), on alarm (\w+)$");
                Assert.True(match.Success, line);
                return new ClaimLimits(Number(match.Groups[1].Value), Number(match.Groups[2].Value), Number(match.Groups[3].Value),
                    match.Groups[4].Value == "deactivate" ? ClaimAlarmAction.Deactivate : ClaimAlarmAction.Log);
            }

            await using var emulator = new FleetEmulator(new EmulatorOptionsBuilder().WithDataDirectory(Data).Build());
            await emulator.OpenAsync();
            return (await emulator.Claims.GetUsageAsync(id))!.Limits;
        }

        private static int? Number(string text) => text == "-" ? null : int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }
}
