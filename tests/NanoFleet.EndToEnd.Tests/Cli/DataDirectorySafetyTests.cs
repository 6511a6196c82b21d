using System;
using System.IO;
using System.Runtime.Versioning;
using System.Threading.Tasks;
using NanoFleet.Cli;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>
    /// The data directory from the operator's side, every `nanofleet` a process of its own: one emulator per
    /// directory (an OS lock that dies with its process), a damaged or read-only directory refused at start
    /// before anything listens, and management verbs that never make a directory out of a typo.
    /// </summary>
    public sealed class DataDirectorySafetyTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-datadir-").FullName;

        private string Data => Path.Combine(_dir, "cloud");

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, true);
        }

        [Fact]
        public void SecondStart_SameDataDirectory_Exit1OneLine_FirstKeepsServing()
        {
            using var first = CloudProcess.Start(Data);
            string adminFile = File.ReadAllText(Path.Combine(Data, "admin.json"));

            var second = CliRun.Run("cloud", "start", "--data", Data, "--port", "0");

            second.AssertOneLineError(ExitCodes.Failure, "another emulator is already running on " + Data);
            Assert.DoesNotContain("mqtts://", second.Out);
            Assert.Equal(adminFile, File.ReadAllText(Path.Combine(Data, "admin.json"))); // the first one is still the one verbs reach
            var listed = CliRun.Run("cloud", "things", "list", "--data", Data);
            Assert.True(listed.Code == ExitCodes.Success, listed.Err);
            Assert.Equal(ExitCodes.Success, first.Stop());
        }

        [Fact]
        public void KilledEmulator_DoesNotBlockTheNextStart()
        {
            using (var killed = CloudProcess.Start(Data))
            {
                killed.Kill(); // SIGKILL: no handler runs, admin.json and emulator.lock stay behind
            }

            Assert.True(File.Exists(Path.Combine(Data, "emulator.lock")));
            using var next = CloudProcess.Start(Data);
            Assert.Equal(ExitCodes.Success, next.Stop());
        }

        [Theory]
        [InlineData(0, "file is not a database")] // the header overwritten
        [InlineData(2 * 4096, "btreeInitPage")] // a table's page overwritten: the kind that used to pass open and crash the cleanup timer
        public async Task CorruptRegistry_StartAndVerbsExit2OneLine_BeforeAnythingListens(int offset, string problem)
        {
            await DataDirectory.CreateAsync(Data);
            string registry = Path.Combine(Data, "registry.db");
            using (var file = new FileStream(registry, FileMode.Open, FileAccess.Write))
            {
                file.Position = offset;
                file.Write(Garbage(4096));
            }

            byte[] before = File.ReadAllBytes(registry);

            var start = CliRun.Run("cloud", "start", "--data", Data, "--port", "0");
            var list = CliRun.Run("cloud", "things", "list", "--data", Data);

            start.AssertOneLineError(ExitCodes.BadInput, $"registry {registry} is corrupt", problem);
            Assert.DoesNotContain("listening", start.Out);
            Assert.DoesNotContain("mqtts://", start.Out);
            list.AssertOneLineError(ExitCodes.BadInput, $"registry {registry} is corrupt");
            Assert.Equal(before, File.ReadAllBytes(registry));
            Assert.False(File.Exists(Path.Combine(Data, "admin.json")));
        }

        [Fact]
        public void RegistryFailsUnderARunningEmulator_CleanupTimerLogsOnceAndKeepsServing()
        {
            using var cloud = CloudProcess.Start(Data);
            // The cleanup timer's table disappears under it, as a failing disk would make its DELETE fail.
            RenameTable("certificates", "certificates_away");

            Assert.True(cloud.WaitForOutput("deleting abandoned certificates failed"), cloud.Output);
            RenameTable("certificates_away", "certificates");
            Assert.True(cloud.WaitForOutput("deleting abandoned certificates works again"), cloud.Output);

            Assert.True(cloud.IsRunning, cloud.Output);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(cloud.Output, "abandoned certificates failed")); // said once, not every second
            Assert.Equal(ExitCodes.Success, CliRun.Run("cloud", "things", "list", "--data", Data).Code);
            Assert.Equal(ExitCodes.Success, cloud.Stop());
            Assert.DoesNotContain("Unhandled exception", cloud.Output);
        }

        [Fact]
        [UnsupportedOSPlatform("windows")] // file modes
        public async Task ReadOnlyDataDirectory_StartAndVerbsExit1OneLine()
        {
            await DataDirectory.CreateAsync(Data);
            File.SetUnixFileMode(Data, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
            try
            {
                var start = CliRun.RunAsFileOwner("cloud", "start", "--data", Data, "--port", "0");
                var list = CliRun.RunAsFileOwner("cloud", "things", "list", "--data", Data);

                start.AssertOneLineError(ExitCodes.Failure, Data, "not writable");
                Assert.DoesNotContain("mqtts://", start.Out);
                list.AssertOneLineError(ExitCodes.Failure, Data, "writable");
                Assert.False(File.Exists(Path.Combine(Data, "admin.json")));
            }
            finally
            {
                File.SetUnixFileMode(Data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        [Theory]
        [InlineData("things", "list")]
        [InlineData("template", "put", "fleet", "{dir}/template.json")]
        [InlineData("claim", "create", "--template", "fleet", "-o", "{dir}/claim")]
        [InlineData("claim", "revoke", "0000000000000000000000000000000000000000000000000000000000000000")]
        [InlineData("claim", "deactivate", "0000000000000000000000000000000000000000000000000000000000000000")]
        [InlineData("claim", "activate", "0000000000000000000000000000000000000000000000000000000000000000")]
        [InlineData("metrics")]
        [InlineData("faults", "clear")]
        [InlineData("template", "export", "fleet", "--cloudformation")]
        [InlineData("function", "put", "hook", "--url", "http://127.0.0.1:9/hook")]
        [InlineData("function", "add-permission", "hook", "--principal", "iot.amazonaws.com")]
        [InlineData("function", "get-policy", "hook")]
        [InlineData("function", "list")]
        [InlineData("function", "delete", "hook")]
        public void ManagementVerb_MistypedDataDirectory_Exit2OneLine_NothingCreated(params string[] verb)
        {
            File.WriteAllText(Path.Combine(_dir, "template.json"), NanoFleet.Cli.Demo.DemoTemplate.Body);
            string typo = Path.Combine(_dir, "clodu");
            string[] args = Array.ConvertAll(verb, a => a.Replace("{dir}", _dir, StringComparison.Ordinal));

            var result = CliRun.Run(["cloud", .. args, "--data", typo]);

            result.AssertOneLineError(ExitCodes.BadInput, $"--data {typo} is no emulator data directory");
            Assert.False(Directory.Exists(typo), "a management verb made a data directory");
            Assert.False(Directory.Exists(Path.Combine(_dir, "claim")), "claim create wrote claim files for a registry it could not reach");
        }

        [Fact]
        public void ManagementVerb_ControlCharactersInDataPath_OneLineShowsThemEscaped()
        {
            string typo = Path.Combine(_dir, "clo\nud\u001b[2J");

            var result = CliRun.Run("cloud", "things", "list", "--data", typo);

            result.AssertOneLineError(ExitCodes.BadInput, Path.Combine(_dir, @"clo\nud\u001b[2J"));
            Assert.False(Directory.Exists(typo));
        }

        private void RenameTable(string from, string to)
        {
            using var registry = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Data, "registry.db")};Pooling=false;Default Timeout=30");
            registry.Open();
            using var rename = registry.CreateCommand();
            rename.CommandText = $"ALTER TABLE {from} RENAME TO {to}";
            rename.ExecuteNonQuery();
        }

        private static byte[] Garbage(int length)
        {
            var bytes = new byte[length];
            new Random(11).NextBytes(bytes);
            return bytes;
        }
    }
}
