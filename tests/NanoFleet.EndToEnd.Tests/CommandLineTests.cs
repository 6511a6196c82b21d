using System;
using System.IO;
using NanoFleet.Cli;
using NanoFleet.Cli.Demo;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests
{
    /// <summary>The verbs as a user runs them, in-process: exit codes and one-line errors.</summary>
    [Collection(ConsoleCollection.Name)]
    public sealed class CommandLineTests
    {
        [Fact]
        public void Demo_TwoDevices_ExitsZero()
        {
            var (code, output) = ConsoleCapture.Run("demo", "--devices", "2");

            Assert.True(code == ExitCodes.Success, output);
            Assert.Contains("sensor-NF0001", output);
            Assert.Contains("sensor-NF0002", output);
            Assert.Contains("OK: 2 devices provisioned", output);
        }

        [Fact]
        public void Demo_WithFaultsAndKeep_ExitsZeroAndKeepsTheImages()
        {
            string keep = Path.Combine(Path.GetTempPath(), "nf-demo-keep-" + Guid.NewGuid().ToString("N"));
            try
            {
                var (code, output) = ConsoleCapture.Run("demo", "--devices", "2", "--faults", "--cbor", "--keep", keep);

                Assert.True(code == ExitCodes.Success, output);
                Assert.True(File.Exists(Path.Combine(keep, "devices", "dev-01.bin")));
                Assert.Contains("Fault injection on", output);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(keep, recursive: true);
            }
        }

        [Fact]
        public void Demo_BadDeviceCount_BadInput()
        {
            var (code, output) = ConsoleCapture.Run("demo", "--devices", "0");

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("--devices 0", output);
        }

        [Fact]
        public async System.Threading.Tasks.Task DeviceRun_OnceThenAgain_RebootedThenOperational()
        {
            await using var cloud = await E2eCloud.StartAsync();
            string image = cloud.BuildImage(1);

            var (first, log1) = ConsoleCapture.Run("device", "run", "--flash", image, "--once");
            var (second, log2) = ConsoleCapture.Run("device", "run", "--flash", image, "--once");

            Assert.True(first == ExitCodes.Rebooted, log1);
            Assert.True(second == ExitCodes.Success, log2);
            Assert.Contains("Operational: thing " + E2eCloud.ThingOf(1), log2);
            Assert.DoesNotContain("PRIVATE KEY", log1 + log2);
        }

        [Fact]
        public void DeviceRun_ErasedImage_NoPartitionTable()
        {
            string image = TempImage(_ => { });

            var (code, output) = ConsoleCapture.Run("device", "run", "--flash", image, "--once");

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("no partition table at 0x8000", output);
            Assert.DoesNotContain("   at ", output);
        }

        [Fact]
        public async System.Threading.Tasks.Task DeviceRun_TableChanged_BadMd5()
        {
            await using var cloud = await E2eCloud.StartAsync();
            string image = cloud.BuildImage(1);
            byte[] bytes = File.ReadAllBytes(image);
            bytes[0x8000 + 12] ^= 0x01; // one bit of the first row's name
            File.WriteAllBytes(image, bytes);

            var (code, output) = ConsoleCapture.Run("device", "run", "--flash", image, "--once");

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("bad MD5", output);
        }

        [Fact]
        public async System.Threading.Tasks.Task DeviceRun_ClaimErased_MissingClaim()
        {
            await using var cloud = await E2eCloud.StartAsync();
            string image = cloud.BuildImage(1);
            byte[] bytes = File.ReadAllBytes(image);
            bytes.AsSpan(0xD000, 0x2000).Fill(0xFF);
            File.WriteAllBytes(image, bytes);

            var (code, output) = ConsoleCapture.Run("device", "run", "--flash", image, "--once");

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("esp_secure_cert", output);
            Assert.Contains("empty", output);
        }

        [Fact]
        public async System.Threading.Tasks.Task DeviceRun_ClaimCorrupt_NamesTheRecord()
        {
            await using var cloud = await E2eCloud.StartAsync();
            string image = cloud.BuildImage(1);
            byte[] bytes = File.ReadAllBytes(image);
            bytes[0xD000 + 40] ^= 0xFF; // inside the first record's data: its CRC no longer matches
            File.WriteAllBytes(image, bytes);

            var (code, output) = ConsoleCapture.Run("device", "run", "--flash", image, "--once");

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("unusable", output);
        }

        private static string TempImage(Action<byte[]> edit)
        {
            var bytes = new byte[4 * 1024 * 1024];
            bytes.AsSpan().Fill(0xFF);
            edit(bytes);
            string path = Path.Combine(Path.GetTempPath(), "nf-e2e-" + Guid.NewGuid().ToString("N") + ".bin");
            File.WriteAllBytes(path, bytes);
            return path;
        }
    }
}
