using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;
using NanoFleet.Cli;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>`nanofleet cloud start` with the network limits set from the command line: a bad value is one line and
    /// exit 2 before anything is made, and the handshake deadline given is the one a silent socket meets.</summary>
    public sealed class NetworkLimitFlagsTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-limits-").FullName;

        private string Data => Path.Combine(_dir, "cloud");

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, true);
        }

        [Theory]
        [InlineData("--max-connections", "0")]
        [InlineData("--max-connections-per-address", "-3")]
        [InlineData("--handshake-timeout", "0")]
        [InlineData("--handshake-timeout", "soon")]
        public void BadLimit_Exit2OneLine_NothingMade(string option, string value)
        {
            var result = CliRun.Run("cloud", "start", "--data", Data, "--port", "0", option, value);

            result.AssertOneLineError(ExitCodes.BadInput, option);
            Assert.False(Directory.Exists(Data), "a refused start made a data directory");
        }

        [Fact]
        public async Task HandshakeTimeout_ResetsASilentSocketWhenItRunsOut()
        {
            await DataDirectory.CreateAsync(Data);
            using var cloud = CloudProcess.Start(Data, "--handshake-timeout", "1");
            using var silent = new TcpClient();
            await silent.ConnectAsync("127.0.0.1", cloud.Port());
            var waited = Stopwatch.StartNew();

            // The socket never starts TLS: the emulator must end it, well before its 10 s default.
            int read;
            try
            {
                read = await silent.GetStream().ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(8));
            }
            catch (IOException)
            {
                read = 0; // reset rather than closed: ended all the same
            }

            Assert.Equal(0, read);
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(8), $"ended after {waited.Elapsed}");
            Assert.Equal(ExitCodes.Success, cloud.Stop());
        }
    }
}
