using System;
using System.IO;
using System.Runtime.Versioning;
using System.Threading.Tasks;
using NanoFleet.Cli;
using NanoFleet.Cli.Demo;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>
    /// `nanofleet cloud claim create` as a process: a claim's key exists only in the files it writes, so it never
    /// writes over a claim, checks its output before it registers anything, and deletes the registration again
    /// when the files cannot be written. A template that does not exist is bad input, and nothing is registered.
    /// </summary>
    public sealed class ClaimCreateSafetyTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-claim-").FullName;

        private string Data => Path.Combine(_dir, "cloud");

        private string Output => Path.Combine(_dir, "claim");

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, true);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)] // through the running emulator's admin endpoint
        public async Task UnknownTemplate_Exit2OneLine_NothingRegisteredOrWritten(bool running)
        {
            await DataDirectory.CreateAsync(Data);
            using var cloud = running ? CloudProcess.Start(Data) : null;

            var result = ClaimCreate("--template", "nope");

            result.AssertOneLineError(ExitCodes.BadInput, "template 'nope' does not exist");
            Assert.False(Directory.Exists(Output), "claim files were written for a template that does not exist");
            Assert.Equal(0, await DataDirectory.ClaimCountAsync(Data));
            if (cloud is not null)
            {
                Assert.Equal(ExitCodes.Success, cloud.Stop());
            }
        }

        [Fact]
        [UnsupportedOSPlatform("windows")] // file modes
        public async Task OutputHoldsAClaim_Exit2OneLine_Unchanged_ForceReplacesIt()
        {
            await DataDirectory.CreateAsync(Data);
            Assert.Equal(ExitCodes.Success, ClaimCreate("--template", DemoTemplate.Name).Code);
            string first = CliRun.Snapshot(Output);

            var again = ClaimCreate("--template", DemoTemplate.Name);

            again.AssertOneLineError(ExitCodes.BadInput, $"-o {Output} already holds a claim", "--force");
            Assert.Equal(first, CliRun.Snapshot(Output));
            Assert.Equal(1, await DataDirectory.ClaimCountAsync(Data));

            var forced = ClaimCreate("--template", DemoTemplate.Name, "--force");
            Assert.True(forced.Code == ExitCodes.Success, forced.Err);
            Assert.NotEqual(first, CliRun.Snapshot(Output));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Output, "claim.key")));
            Assert.Empty(Directory.GetFiles(Output, "*.tmp")); // staged files were all renamed into place
        }

        [Fact]
        public async Task OutputIsAFile_Exit2OneLine_NothingRegistered()
        {
            await DataDirectory.CreateAsync(Data);
            File.WriteAllText(Output, "not a directory");

            var result = ClaimCreate("--template", DemoTemplate.Name);

            result.AssertOneLineError(ExitCodes.BadInput, $"-o {Output} is a file");
            Assert.Equal("not a directory", File.ReadAllText(Output));
            Assert.Equal(0, await DataDirectory.ClaimCountAsync(Data));
        }

        [Fact]
        public async Task OutputEmpty_Exit2OneLine_NothingRegistered()
        {
            await DataDirectory.CreateAsync(Data);

            var result = CliRun.Run("cloud", "claim", "create", "--template", DemoTemplate.Name, "-o", "", "--data", Data);

            result.AssertOneLineError(ExitCodes.BadInput, "-o must name a directory");
            Assert.Equal(0, await DataDirectory.ClaimCountAsync(Data));
        }

        [Fact]
        [UnsupportedOSPlatform("windows")] // file modes
        public async Task OutputNotWritable_RegistrationDeletedAgain_Exit1OneLine()
        {
            await DataDirectory.CreateAsync(Data);
            string locked = Path.Combine(_dir, "read-only");
            Directory.CreateDirectory(locked);
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            try
            {
                string output = Path.Combine(locked, "claim");
                var result = CliRun.RunAsFileOwner("cloud", "claim", "create", "--template", DemoTemplate.Name, "-o", output, "--data", Data);

                result.AssertOneLineError(ExitCodes.Failure, $"claim files could not be written to {output}", "was deleted again, nothing is registered");
                Assert.False(Directory.Exists(output));
                Assert.Equal(0, await DataDirectory.ClaimCountAsync(Data));
            }
            finally
            {
                File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        private CliResult ClaimCreate(params string[] options) => CliRun.Run(["cloud", "claim", "create", .. options, "-o", Output, "--data", Data]);
    }
}
