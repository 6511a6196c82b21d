using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli;
using NanoFleet.Cli.Device;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Jitp
{
    /// <summary>
    /// `nanofleet cloud ca create|register` and `image device --jitp-ca` as a user runs them, against `cloud start` in its own
    /// process: the files they write make a device that JIT-provisions.
    /// </summary>
    [Collection(ConsoleCollection.Name)]
    public sealed class JitpCloudCaVerbTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-jitp-cli-").FullName;

        private string Data => Path.Combine(_dir, "cloud");

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, true);
        }

        [Fact]
        public async Task CreateRegisterImage_DeviceBecomesItsThing()
        {
            using var cloud = CloudProcess.Start(Data);
            string factory = Path.Combine(_dir, "factory-ca");
            var created = ConsoleCapture.Run("cloud", "ca", "create", factory, "--name", "Line 1", "--server-ca", Path.Combine(Data, "ca.crt"),
                "--endpoint", "127.0.0.1:" + cloud.Port());
            Assert.True(created.ExitCode == ExitCodes.Success, created.Output);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(factory, "ca.key")));
            Assert.DoesNotContain("PRIVATE KEY", created.Output);

            var again = ConsoleCapture.Run("cloud", "ca", "create", factory, "--name", "Line 1", "--server-ca", Path.Combine(Data, "ca.crt"), "--endpoint", "x");
            Assert.True(again.ExitCode == ExitCodes.BadInput, again.Output);

            var registered = ConsoleCapture.Run("cloud", "ca", "register", factory, "--data", Data);
            Assert.True(registered.ExitCode == ExitCodes.Success, registered.Output);
            Assert.Contains("CA 'CN=Line 1 Issuing CA' registered as", registered.Output);
            var twice = ConsoleCapture.Run("cloud", "ca", "register", factory, "--data", Data);
            Assert.True(twice.ExitCode == ExitCodes.BadInput, twice.Output);
            Assert.Contains("ResourceAlreadyExistsException", twice.Output);

            string image = Path.Combine(_dir, "dev.bin");
            var built = ConsoleCapture.Run("image", "device", "--jitp-ca", factory, "--serial", "LINE1-0007", "--mac", "02:4e:46:00:00:07", "-o", image);
            Assert.True(built.ExitCode == ExitCodes.Success, built.Output);

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            using var device = new VirtualDevice(image, E2eCloud.FastOptions("line1"));
            var outcome = await Task.Run(() => device.Boot(once: false, timeout.Token), timeout.Token);
            Assert.Equal(DeviceRunOutcome.Operational, outcome);
            Assert.Equal("LINE1-0007", device.ThingName);
            Assert.Contains(device.CertificateId, built.Output); // the fingerprint image device printed is the certificate it connected with
        }
    }
}
