using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli;
using NanoFleet.Cli.Device;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Hal.Host.Flash;
using NanoFleet.Station.Partitions;
using NanoFleet.Station.Simulator;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>
    /// `nanofleet flash` as a user runs it, against the simulated ESP32 ROM behind a real socat pty:
    /// what it writes where, and the promised exit codes (0 written and verified, 2 bad input,
    /// 3 device or link error) with a one-line message and no stack trace.
    /// </summary>
    [Collection(ConsoleCollection.Name)]
    public sealed class FlashVerbTests : IDisposable
    {
        private const uint C3Magic = 0x1B31506F; // an ESP32-C3's chip-detect value (esptool/targets/esp32c3.py)

        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-flash-cli-").FullName;
        private readonly PartitionTable _layout = DefaultPartitions.Load(null);

        public FlashVerbTests()
        {
            File.WriteAllText(Partitions, _layout.ToCsv());
            File.WriteAllBytes(App, SyntheticAppImage.Build(48 * 1024, 4));
            File.WriteAllBytes(Bootloader, SyntheticAppImage.Build(20 * 1024, 5, projectName: "bootloader"));
            File.WriteAllBytes(Table, _layout.ToBinary());
        }

        private string Partitions => Path.Combine(_dir, "partitions.csv");

        private string App => Path.Combine(_dir, "nanoCLR.bin");

        private string Bootloader => Path.Combine(_dir, "bootloader.bin");

        private string Table => Path.Combine(_dir, "table.bin");

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        [Fact]
        public void Flash_BootloaderTableAndApp_EachWrittenWhereItBelongsAndVerified()
        {
            using var device = new Device(this);

            var (code, output) = Flash("-p", device.Port, "--bootloader", Bootloader, "--table", Table, "--app", "factory=" + App);

            Assert.True(code == ExitCodes.Success, output);
            uint factory = _layout.Get("factory").Offset;
            foreach ((string file, uint offset) in new[] { (Bootloader, 0x1000u), (Table, _layout.Options.TableOffset), (App, factory) })
            {
                byte[] expected = File.ReadAllBytes(file);
                Assert.Equal(expected, device.Read(offset, expected.Length));
                Assert.Matches($@"Wrote {(expected.Length + 3) & ~3} bytes \(\d+ compressed\) at 0x{offset:X8} in [\d.]+ s; hash of data verified", output);
            }

            Assert.Contains("checked bootloader @0x1000: " + Bootloader + ", ESP32 bootloader, 2 segments, checksum ok, SHA-256 ok", output);
        }

        [Fact]
        public void Flash_WrongChip_ExitsThreeWithOneLineNamingTheChip()
        {
            using var device = new Device(this, magic: C3Magic);

            var (code, output) = Flash("-p", device.Port, "--app", "factory=" + App);

            Assert.Equal(ExitCodes.DeviceError, code);
            Assert.Equal("nanofleet: This is an ESP32-C3 (magic value 0x1B31506F), not an ESP32; this station flashes ESP32 only", LastLine(output));
            AssertNoTrace(output);
        }

        [Fact]
        public void Flash_FlashKeepsReadingBackWrong_ExitsThreeNamingTheRegion()
        {
            uint factory = _layout.Get("factory").Offset;
            using var device = new Device(this, faults: new SimulatorFaults { SilentCorruptionAddress = (int)factory + 1000 });

            var (code, output) = Flash("-p", device.Port, "--app", "factory=" + App);

            Assert.Equal(ExitCodes.DeviceError, code);
            Assert.StartsWith($"nanofleet: Failed to verify factory at 0x{factory:X}: flash MD5 ", LastLine(output));
            Assert.Contains("retry: factory: writing the region again", output); // one honest retry before giving up
            AssertNoTrace(output);
        }

        [Fact]
        public async Task Flash_CableUnpluggedMidWrite_ExitsThreeNamingThePort()
        {
            // The chip goes silent after 8 KB of flash data; then its USB-UART bridge vanishes, as when a
            // board is pulled out of the fixture: the station's port fails under it mid-transfer.
            using var device = new Device(this, faults: new SimulatorFaults { UnplugAfterFlashBytes = 8 * 1024 });
            string port = device.Port;
            Task unplug = Task.Run(() =>
            {
                var clock = Stopwatch.StartNew();
                while (!device.Host.Simulator.Unplugged && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(5);
                device.Dispose();
            });

            // On its own thread with a deadline: a station that hangs on a dead port must fail this
            // test, not stall the whole run.
            var (code, output) = await Task.Run(() => Flash("-p", port, "--app", "factory=" + App)).WaitAsync(TimeSpan.FromSeconds(120));
            await unplug;

            Assert.True(code == ExitCodes.DeviceError, output);
            Assert.Contains(port, LastLine(output));
            AssertNoTrace(output);
        }

        [Fact]
        public void DryRun_NoPort_PrintsThePlanAndTouchesNothing()
        {
            var (code, output) = Flash("--dry-run", "--bootloader", Bootloader, "--table", Table, "--app", "factory=" + App);

            Assert.True(code == ExitCodes.Success, output);
            uint factory = _layout.Get("factory").Offset;
            string[] plan = output.Split('\n').Where(l => l.StartsWith("would write", StringComparison.Ordinal)).ToArray();
            Assert.Equal(3, plan.Length);
            Assert.Matches(PlanLine("bootloader", 0x1000, Bootloader), plan[0]);
            Assert.Matches(PlanLine("partition-table", _layout.Options.TableOffset, Table), plan[1]);
            Assert.Matches(PlanLine("factory", factory, App), plan[2]);
            Assert.DoesNotContain("Connecting", output);
        }

        [Fact]
        public void NoPortWithoutDryRun_ExitsTwoNamingPort()
        {
            var (code, output) = Flash("--app", "factory=" + App);

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("nanofleet: Option '--port' is required unless --dry-run is given (usage: `nanofleet flash --help`)", output);
        }

        [Fact]
        public void BootloaderWithBadMagic_ExitsTwoNamingTheFile_BeforeAnyPortIsOpened()
        {
            byte[] bad = File.ReadAllBytes(Bootloader);
            bad[0] = 0xFF; // erased flash read back as a "bootloader"
            File.WriteAllBytes(Bootloader, bad);

            var (code, output) = Flash("-p", Path.Combine(_dir, "no-such-port"), "--bootloader", Bootloader);

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal($"nanofleet: {Bootloader}: bootloader image starts with 0xFF, not the ESP image magic 0xE9", LastLine(output));
        }

        private (int Code, string Output) Flash(params string[] args) =>
            ConsoleCapture.Run(["flash", "--partitions", Partitions, .. args]);

        private static string PlanLine(string name, uint offset, string file)
        {
            int length = (int)new FileInfo(file).Length;
            string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
            return $@"^would write {name} +0x{offset:X6}\.\.0x{offset + length:X6} +{length} bytes sha256 {sha}$";
        }

        private static string LastLine(string output) => output.TrimEnd().Split('\n')[^1];

        private static void AssertNoTrace(string output)
        {
            Assert.DoesNotContain("internal error", output);
            Assert.DoesNotContain("   at ", output);
        }

        /// <summary>A simulated ESP32 in download mode on a socat pty pair, its flash in memory.</summary>
        private sealed class Device : IDisposable
        {
            private readonly NorFlash _chip;
            private int _disposed;

            public Device(FlashVerbTests test, uint magic = Station.Targets.Esp32Target.ChipDetectMagic, SimulatorFaults? faults = null)
            {
                _chip = NorFlash.CreateBlank((int)(test._layout.Options.FlashSize ?? 4 * 1024 * 1024));
                Host = new SimulatorHost(new NorFlashMemory(_chip), new SimulatedChip(new byte[] { 0x24, 0x0A, 0xC4, 0, 0, 9 }, 301, magic),
                    faults, throttle: false);
            }

            public SimulatorHost Host { get; }

            public string Port => Host.PortPath;

            public byte[] Read(uint offset, int count)
            {
                var bytes = new byte[count];
                Host.Flash.Read((int)offset, bytes, 0, count);
                return bytes;
            }

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0)
                {
                    Host.Dispose();
                    _chip.Dispose();
                }
            }
        }
    }
}
