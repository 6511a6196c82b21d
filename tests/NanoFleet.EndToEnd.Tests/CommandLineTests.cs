using System;
using System.IO;
using System.Text.RegularExpressions;
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
            // It cleans up after itself: the temporary workspace it announced is gone.
            string workspace = Regex.Match(output, @"Workspace (\S+) \(deleted at the end").Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(workspace), output);
            Assert.False(Directory.Exists(workspace), "the demo left its workspace " + workspace);
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
            Assert.Contains("Operational: " + E2eCloud.ThingOf(1), log2);
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
            var (code, output) = await RunOnceOnDamagedImageAsync(bytes =>
            {
                bytes[0x8000 + 12] ^= 0x01; // one bit of the first row's name
            });

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("bad MD5", output);
        }

        [Fact]
        public async System.Threading.Tasks.Task DeviceRun_ClaimErased_MissingClaim()
        {
            var (code, output) = await RunOnceOnDamagedImageAsync(bytes =>
            {
                bytes.AsSpan(0xD000, 0x2000).Fill(0xFF);
            });

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("esp_secure_cert", output);
            Assert.Contains("empty", output);
        }

        [Fact]
        public async System.Threading.Tasks.Task DeviceRun_ClaimCorrupt_NamesTheRecord()
        {
            var (code, output) = await RunOnceOnDamagedImageAsync(bytes =>
            {
                bytes[0xD000 + 40] ^= 0xFF; // inside the first record's data: its CRC no longer matches
            });

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("unusable", output);
        }

        [Fact]
        public async System.Threading.Tasks.Task ImageDevice_FromPemFilesAndFromClaimImage_BothBootAndProvision()
        {
            await using var cloud = await E2eCloud.StartAsync();
            string dir = cloud.Directory;
            File.WriteAllText(Path.Combine(dir, "ca.crt"), cloud.Emulator.CaCertificatePem);
            File.WriteAllText(Path.Combine(dir, "claim.crt"), cloud.Claim.CertificatePem);
            File.WriteAllText(Path.Combine(dir, "claim.key"), cloud.Claim.PrivateKeyPem);
            string[] claimArgs =
            {
                "--ca", Path.Combine(dir, "ca.crt"), "--cert", Path.Combine(dir, "claim.crt"), "--key", Path.Combine(dir, "claim.key"),
                "--endpoint", "127.0.0.1:" + cloud.Emulator.Port, "--template", "nanofleet-demo",
            };
            string direct = Path.Combine(dir, "direct.bin");
            string fromImage = Path.Combine(dir, "from-image.bin");
            string claimBin = Path.Combine(dir, "claim.bin");

            var (built, buildLog) = ConsoleCapture.Run(["image", "device", .. claimArgs, "--param", "SerialNumber=NF0001", "--mac", "02:4e:46:00:00:01", "-o", direct]);
            var (claimed, claimLog) = ConsoleCapture.Run(["image", "claim", .. claimArgs, "--format", "cbor", "--param", "SerialNumber=NF0002", "-o", claimBin]);
            var (built2, buildLog2) = ConsoleCapture.Run("image", "device", "--claim-image", claimBin, "--mac", "02-4E-46-00-00-02", "-o", fromImage);

            Assert.True(built == ExitCodes.Success, buildLog);
            Assert.True(claimed == ExitCodes.Success, claimLog);
            Assert.True(built2 == ExitCodes.Success, buildLog2);
            Assert.Equal(4 * 1024 * 1024, new FileInfo(direct).Length);
            Assert.Equal(ExitCodes.Rebooted, ConsoleCapture.Run("device", "run", "--flash", direct, "--once").ExitCode);
            Assert.Equal(ExitCodes.Rebooted, ConsoleCapture.Run("device", "run", "--flash", fromImage, "--once").ExitCode);
            var (second, log) = ConsoleCapture.Run("device", "run", "--flash", fromImage, "--once");
            Assert.True(second == ExitCodes.Success, log);
            Assert.Contains("MAC 02:4e:46:00:00:02", log);
            Assert.NotNull(await cloud.Emulator.Things.GetAsync(E2eCloud.ThingOf(1)));
            Assert.NotNull(await cloud.Emulator.Things.GetAsync(E2eCloud.ThingOf(2)));
        }

        [Theory]
        [InlineData("--mac", "02:4e:46:00:00", "is not a MAC address")]
        [InlineData("--mac", "02:4e:46:00:00:01", "give --claim-image, or all of")]
        public void ImageDevice_BadInput_OneLineAndExitTwo(string option, string value, string message)
        {
            string output = Path.Combine(Path.GetTempPath(), "nf-never-" + Guid.NewGuid().ToString("N") + ".bin");

            var (code, log) = ConsoleCapture.Run("image", "device", option, value, "-o", output);

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains(message, log);
            Assert.False(File.Exists(output), "a failed build left an image behind");
        }

        /// <summary>Builds a good device image against a running emulator, damages it, and runs `device run --once` on it.</summary>
        private static async System.Threading.Tasks.Task<(int Code, string Output)> RunOnceOnDamagedImageAsync(Action<byte[]> damage)
        {
            await using var cloud = await E2eCloud.StartAsync();
            string image = cloud.BuildImage(1);
            byte[] bytes = File.ReadAllBytes(image);
            damage(bytes);
            File.WriteAllBytes(image, bytes);
            return ConsoleCapture.Run("device", "run", "--flash", image, "--once");
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
