using System;
using System.IO;
using NanoFleet.Cli;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>Every verb's usage errors, from the one System.CommandLine setup they share, as a process: one line
    /// naming the bad input and where the usage is, exit 2, nothing on stdout.</summary>
    public sealed class UsageErrorTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-usage-").FullName;

        public void Dispose() => Directory.Delete(_dir, true);

        [Theory]
        [InlineData("'--bogus'", "cloud", "start", "--bogus")]
        [InlineData("'dsa'", "cloud", "start", "--key-algorithm", "dsa")] // System.CommandLine lists the choices over three lines
        [InlineData("'--template' is required", "cloud", "claim", "create", "-o", "x")]
        [InlineData("'revoke'", "cloud", "claim", "revoke")]
        [InlineData("'--port' is required", "flash", "--nope")] // two errors, one line
        [InlineData("'--nope'", "flash", "--nope")]
        [InlineData("'nosuchverb'", "nosuchverb")]
        [InlineData("'many'", "demo", "--devices", "many")]
        [InlineData("'--bogus'", "station", "run", "--bogus")]
        [InlineData("'--bogus'", "image", "device", "--bogus")]
        [InlineData("'--output' is required", "partitions", "build", "table.csv")]
        [InlineData("'--bogus'", "device", "run", "--bogus")]
        public void UsageError_AnyVerb_Exit2OneLine(string bad, params string[] args)
        {
            var result = CliRun.Run(args);

            result.AssertOneLineError(ExitCodes.BadInput, bad, "--help`");
            Assert.Equal("", result.Out);
        }

        [Fact]
        public void OutputIsADirectory_Exit2OneLine()
        {
            string csv = Path.Combine(_dir, "partitions.csv");
            File.WriteAllText(csv, "nvs, data, nvs, 0x9000, 0x6000\n");

            var result = CliRun.Run("partitions", "build", csv, "-o", _dir);

            result.AssertOneLineError(ExitCodes.BadInput, $"output {_dir} is a directory");
        }

        [Fact]
        public void InputIsADirectory_Exit2OneLine() =>
            CliRun.Run("partitions", "check", _dir).AssertOneLineError(ExitCodes.BadInput, $"'{_dir}' is a directory");
    }
}
