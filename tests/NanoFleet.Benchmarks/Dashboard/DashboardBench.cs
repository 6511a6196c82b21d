using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Playwright;
using NanoFleet.Station.Dashboard.Snapshot;
using NanoFleet.Station.Records;
using NanoFleet.Tests.Shared;

namespace NanoFleet.Benchmarks.Dashboard
{
    /// <summary>
    /// The station dashboard at factory scale: a SQLite store with 10,000 device records from four
    /// stations over a shift, and 8 live ports reporting every 250 ms (the runner's own rate) while a
    /// device finishes every 2 s. The dashboard runs as its own `nanofleet station dashboard` process,
    /// so its CPU is its own. Reports the page's load time in headless Chromium, the dashboard's CPU idle
    /// and while streaming to a page, and what one summary rebuild (a device began or ended) costs.
    /// </summary>
    public sealed class DashboardBench : IBench
    {
        private const int Records = 10_000;
        private const int LivePorts = 8;
        private const int PageLoads = 5;
        private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

        /// <inheritdoc/>
        public string Name => "dashboard";

        /// <inheritdoc/>
        public string Description => "station dashboard over 10,000 records and 8 live ports: page load in Chromium, server CPU idle and streaming";

        /// <inheritdoc/>
        public int Run(string[] args)
        {
            string directory = Directory.CreateTempSubdirectory("nanofleet-dashboard-bench-").FullName;
            try
            {
                string db = Path.Combine(directory, "station.db");
                Seed(db);
                SummaryRebuild(db);
                RunAsync(db).GetAwaiter().GetResult();
                return 0;
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        private static void Seed(string db)
        {
            var clock = Stopwatch.StartNew();
            var random = new Random(14);
            DateTimeOffset start = DateTimeOffset.UtcNow.AddHours(-7.5);
            using IRecordStore store = RecordStores.Open(db);
            for (int i = 0; i < Records; i++)
            {
                DateTimeOffset started = start.AddSeconds(i * 2.6);
                bool ok = random.NextDouble() < 0.96;
                store.Insert(new DeviceRecord
                {
                    Station = "line-" + (1 + (i % 4)), Operator = "alice", Port = "/dev/ttyUSB" + (i % LivePorts),
                    StartedUtc = started, FinishedUtc = started.AddSeconds(20), Chip = "ESP32-D0WD-V3", ChipRevision = 301,
                    Mac = "24:0a:c4:" + (i >> 16 & 0xFF).ToString("x2", CultureInfo.InvariantCulture) + ":" +
                        (i >> 8 & 0xFF).ToString("x2", CultureInfo.InvariantCulture) + ":" + (i & 0xFF).ToString("x2", CultureInfo.InvariantCulture),
                    Serial = "NF-" + (i + 1).ToString("D6", CultureInfo.InvariantCulture),
                    Result = ok ? DeviceResult.Ok : DeviceResult.Failed,
                    Cause = ok ? FailureCause.None : (FailureCause)random.Next((int)FailureCause.Connect, (int)FailureCause.Verify + 1),
                    Error = ok ? "" : "Failed to write to target flash after seq 12",
                });
                if ((i + 1) % 2500 == 0) Console.Error.WriteLine($"  seeded {i + 1} records");
            }

            Console.WriteLine($"store          : {Records} records in SQLite ({clock.Elapsed.TotalSeconds:0.0} s to seed), {LivePorts} live ports");
        }

        private static void SummaryRebuild(string db)
        {
            using IRecordStore store = RecordStores.Open(db);
            ShiftSummaryBuilder.Build(store.All(), DateTimeOffset.UtcNow, TimeSpan.FromHours(8), 0); // JIT and page cache warm
            const int rounds = 10;
            // CPU time, not wall time: on a shared machine the wall clock mostly measures the others.
            (double rebuild, double rebuildCpu) = Measure(rounds, i => ShiftSummaryBuilder.Build(store.All(), DateTimeOffset.UtcNow, TimeSpan.FromHours(8), i));
            (double tick, double tickCpu) = Measure(rounds, _ =>
            {
                store.LivePorts();
                store.Latest(64);
            });
            Console.WriteLine($"poll tick      : {tickCpu:0.00} ms CPU ({tick:0.00} ms wall) for live ports + newest 64 rows; every 500 ms = {tickCpu / 5:0.00} % of a core");
            Console.WriteLine($"summary rebuild: {rebuildCpu:0.0} ms CPU ({rebuild:0.0} ms wall) to read all {Records} records and count yield, causes, throughput; once per device begun or ended, and every 30 s");
        }

        private static (double WallMs, double CpuMs) Measure(int rounds, Action<int> work)
        {
            using Process self = Process.GetCurrentProcess();
            TimeSpan cpu = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < rounds; i++) work(i);
            double wall = clock.Elapsed.TotalMilliseconds / rounds;
            self.Refresh();
            return (wall, (self.TotalProcessorTime - cpu).TotalMilliseconds / rounds);
        }

        private static async Task RunAsync(string db)
        {
            using Process dashboard = StartDashboard(db, out Uri url);
            try
            {
                double idle = CpuPercent(dashboard, Window);
                Console.WriteLine($"server CPU idle: {idle:0.0} % of a core over {Window.TotalSeconds:0} s (polling, no page, no station writing)");

                await using HeadlessChromium chromium = await HeadlessChromium.LaunchAsync();
                var loads = new double[PageLoads];
                for (int i = 0; i < PageLoads; i++)
                {
                    IPage page = await chromium.Browser.NewPageAsync();
                    var clock = Stopwatch.StartNew();
                    await page.GotoAsync(url.ToString());
                    // Loaded means what an operator reads: the shift's counts and the full device table. Locator
                    // waits, not a waited-for function: the page's CSP forbids the eval that one needs.
                    await Assertions.Expect(page.Locator("#devices tbody tr")).ToHaveCountAsync(50, new() { Timeout = 120_000 });
                    await Assertions.Expect(page.Locator("#yield-counts")).ToContainTextAsync(" ok of ", new() { Timeout = 120_000 });
                    loads[i] = clock.Elapsed.TotalMilliseconds;
                    await page.CloseAsync();
                }

                Array.Sort(loads);
                Console.WriteLine($"page load      : median {loads[PageLoads / 2]:0} ms, max {loads[^1]:0} ms over {PageLoads} loads (navigation to counts + 50-row table shown)");

                IPage watching = await chromium.Browser.NewPageAsync();
                await watching.GotoAsync(url.ToString());
                using var stations = new CancellationTokenSource();
                Task<int> writer = Task.Run(() => SimulateStations(db, stations.Token));
                double streaming = CpuPercent(dashboard, Window);
                stations.Cancel();
                int updates = await writer;
                Console.WriteLine($"server CPU live: {streaming:0.0} % of a core over {Window.TotalSeconds:0} s streaming to one page " +
                    $"({updates} port reports, one device finished every 2 s)");
                Console.WriteLine($"machine        : {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            }
            finally
            {
                dashboard.Kill(entireProcessTree: true);
                dashboard.WaitForExit();
            }
        }

        private static Process StartDashboard(string db, out Uri url)
        {
            string cli = Path.Combine(AppContext.BaseDirectory, "nanofleet.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[] { cli, "station", "dashboard", "--db", db, "--listen", "127.0.0.1:0" }) start.ArgumentList.Add(arg);
            Process process = Process.Start(start)!;
            string? line = process.StandardOutput.ReadLine();
            if (line is null || !line.StartsWith("nanofleet dashboard: ", StringComparison.Ordinal))
            {
                process.Kill();
                throw new InvalidOperationException("the dashboard did not start: " + line + process.StandardError.ReadToEnd());
            }

            url = new Uri(line["nanofleet dashboard: ".Length..].Split(' ')[0]);
            return process;
        }

        private static double CpuPercent(Process process, TimeSpan window)
        {
            process.Refresh();
            TimeSpan before = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            Thread.Sleep(window); // a measurement window, not synchronisation
            process.Refresh();
            return (process.TotalProcessorTime - before).TotalMilliseconds / clock.Elapsed.TotalMilliseconds * 100;
        }

        private static int SimulateStations(string db, CancellationToken stop)
        {
            using IRecordStore store = RecordStores.Open(db);
            int reports = 0, device = Records;
            var sinceDevice = Stopwatch.StartNew();
            while (!stop.IsCancellationRequested)
            {
                for (int port = 0; port < LivePorts; port++)
                {
                    long done = (reports * 4096L + port * 65536L) % 1_900_000;
                    store.ReportPort(new PortStatus("line-" + (1 + port / 2), "/dev/ttyUSB" + port, "ESP32-D0WD-V3", "24:0a:c4:ff:00:0" + port,
                        "NF-0" + (90000 + port), "write factory", done, 1_900_000, "", DateTimeOffset.UtcNow));
                    reports++;
                }

                if (sinceDevice.Elapsed >= TimeSpan.FromSeconds(2))
                {
                    sinceDevice.Restart();
                    device++;
                    store.Insert(new DeviceRecord
                    {
                        Station = "line-1", Operator = "alice", Port = "/dev/ttyUSB0", StartedUtc = DateTimeOffset.UtcNow.AddSeconds(-20),
                        FinishedUtc = DateTimeOffset.UtcNow, Chip = "ESP32-D0WD-V3", Mac = "24:0a:c4:fe:" + (device >> 8 & 0xFF).ToString("x2", CultureInfo.InvariantCulture) + ":" + (device & 0xFF).ToString("x2", CultureInfo.InvariantCulture),
                        Serial = "NF-" + device.ToString("D6", CultureInfo.InvariantCulture), Result = DeviceResult.Ok,
                    });
                }

                stop.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(250));
            }

            return reports;
        }
    }
}
