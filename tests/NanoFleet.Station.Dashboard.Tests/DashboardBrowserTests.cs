using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Playwright;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Records;
using NanoFleet.Station.Simulator;
using NanoFleet.Station.Tests.Batch;
using NanoFleet.Tests.Shared;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace NanoFleet.Station.Dashboard.Tests
{
    /// <summary>
    /// The page in Debian's headless Chromium while a simulated batch flashes over socat ptys: it must
    /// follow every port live and end showing exactly what the database holds. The screenshot is saved
    /// as TestResults/dashboard-STORE.png beside the test assembly.
    /// </summary>
    public class DashboardBrowserTests
    {
        internal const int Devices = 4;
        internal const int FailingDevice = 3;

        // Records each port card's (step, progress) as the page redraws it, so the test sees the ports
        // advance however fast the batch runs.
        private const string StepRecorder = @"
window.portHistory = {};
document.addEventListener('DOMContentLoaded', () => {
  new MutationObserver(() => {
    for (const card of document.querySelectorAll('#ports .port')) {
      const seen = card.querySelector('.field-step').textContent + '@' + card.querySelector('.bar').getAttribute('aria-valuenow');
      const history = (window.portHistory[card.dataset.port] ||= []);
      if (history[history.length - 1] !== seen) history.push(seen);
    }
  }).observe(document.getElementById('ports'), { childList: true, subtree: true });
});";

        private static readonly LocatorAssertionsToHaveTextOptions Patient = new() { Timeout = 120_000 };

        [Fact]
        public async Task Page_FollowsASimulatedBatchLive_MatchesTheDatabase_Sqlite()
        {
            using var fixture = new StationFixture(Devices, i => i == FailingDevice ? new SimulatorFaults { UnplugAfterFlashBytes = 5000 } : null, throttle: true);
            await using var dashboard = await RunningDashboard.StartAsync(fixture.Database);

            await FollowBatch(fixture.Options(), fixture.Devices[FailingDevice].Host.PortPath, dashboard, fixture.Database, "dashboard-sqlite.png");
        }

        /// <summary>Runs the batch into <paramref name="database"/> with the page open (the device on <paramref name="failingPort"/> fails), and checks what it showed.</summary>
        internal static async Task FollowBatch(StationOptions options, string failingPort, RunningDashboard dashboard, string database, string screenshot)
        {
            await using HeadlessChromium chromium = await HeadlessChromium.LaunchAsync();
            IPage page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1100 } });
            page.SetDefaultTimeout(120_000);
            var problems = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") problems.Add("console: " + message.Text); };
            page.PageError += (_, error) => problems.Add("page error: " + error);
            page.Request += (_, request) => { if (!request.Url.StartsWith(dashboard.Server.Url.ToString(), StringComparison.Ordinal)) problems.Add("off-site request: " + request.Url); };
            await page.AddInitScriptAsync(StepRecorder);

            await page.GotoAsync(dashboard.Server.Url.ToString());
            await Expect(page.Locator("#status")).ToHaveTextAsync("live", Patient);

            // Each good device is held once flashed, before it is done, until the page has shown it there:
            // the page must follow the ports mid-batch, however the machine's load spaces the updates.
            using var release = new ManualResetEventSlim();
            var runner = new StationRunner(options) { Checkpoint = (_, stage) => { if (stage == "flashed") release.Wait(TimeSpan.FromMinutes(5)); } };
            Task<IReadOnlyList<DeviceRecord>> batch = Task.Run(() => runner.Run());
            IReadOnlyList<DeviceRecord> results;
            try
            {
                foreach (string port in options.Ports.Where(p => p != failingPort))
                {
                    ILocator held = page.Locator($"#ports .port[data-port='line-1 {port}']");
                    await Expect(held.Locator(".field-step")).ToHaveTextAsync(new Regex("^(write|verify) "), Patient);
                    await Expect(held.Locator(".field-serial")).ToHaveTextAsync(new Regex("^NF-\\d{6}$"), Patient);
                }
            }
            finally
            {
                release.Set();
                results = await batch;
            }

            Assert.Equal(Devices - 1, results.Count(r => r.Result == DeviceResult.Ok));
            IReadOnlyList<DeviceRecord> stored;
            using (IRecordStore store = RecordStores.Open(database))
            {
                stored = store.All();
            }

            YieldReport expected = YieldReport.From(stored);
            string yield = expected.Yield.ToString("P1", CultureInfo.InvariantCulture);
            // Counts and yield as the database has them.
            await Expect(page.Locator("#yield-counts")).ToHaveTextAsync($"{expected.Ok} ok of {expected.Devices} devices, {expected.Attempts} attempts", Patient);
            await Expect(page.Locator("#yield")).ToHaveTextAsync(yield, Patient);
            await Expect(page.Locator("#stations tbody tr")).ToHaveTextAsync(new[] { $"line-1{expected.Devices}{expected.Ok}{yield}{expected.Attempts}" }, new() { Timeout = 120_000 });
            await Expect(page.Locator("#failures tbody tr")).ToHaveTextAsync(new[] { "write11" }, new() { Timeout = 120_000 });

            // Every port ends as its device did, after the page showed it advance through the batch.
            foreach (DeviceRecord record in results)
            {
                ILocator card = page.Locator($"#ports .port[data-port='line-1 {record.Port}']");
                await Expect(card.Locator(".field-step")).ToHaveTextAsync(record.Result == DeviceResult.Ok ? "done" : "failed", Patient);
                await Expect(card.Locator(".field-serial")).ToHaveTextAsync(record.Serial, Patient);
                await Expect(card.Locator(".field-mac")).ToHaveTextAsync(record.Mac, Patient);
            }

            await Expect(page.Locator("#ports .port.failed .error")).ToContainTextAsync("Failed to", new() { Timeout = 120_000 });
            var history = JsonSerializer.Deserialize<Dictionary<string, string[]>>(await page.EvaluateAsync<string>("JSON.stringify(window.portHistory)"))!;
            Assert.Equal(Devices, history.Count);
            foreach ((string port, string[] seen) in history.Where(h => h.Key != "line-1 " + failingPort))
            {
                Assert.True(seen.Select(s => s.Split('@')[0]).Distinct().Count() >= 2, $"{port} never advanced on the page: {string.Join(" → ", seen)}");
            }

            // The chart has the batch's points.
            await Expect(page.Locator("#throughput")).ToHaveAttributeAsync("data-devices", expected.Ok.ToString(CultureInfo.InvariantCulture), new() { Timeout = 120_000 });
            Assert.True(await page.Locator("#throughput canvas").CountAsync() >= 1);

            // The device table, unfiltered then filtered.
            await Expect(page.Locator("#devices tbody tr")).ToHaveCountAsync(stored.Count, new() { Timeout = 120_000 });
            await page.SelectOptionAsync("#filter-result", "failed");
            await Expect(page.Locator("#devices tbody tr")).ToHaveCountAsync(stored.Count(r => r.Result == DeviceResult.Failed), new() { Timeout = 120_000 });
            await Expect(page.Locator("#devices tbody tr td:nth-child(8)")).ToHaveTextAsync(new[] { "failed" }, new() { Timeout = 120_000 });
            await page.SelectOptionAsync("#filter-result", "");
            await page.SelectOptionAsync("#filter-station", "line-1");
            await Expect(page.Locator("#devices tbody tr")).ToHaveCountAsync(stored.Count, new() { Timeout = 120_000 });

            string shot = Path.Combine(AppContext.BaseDirectory, "TestResults", screenshot);
            Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            Assert.True(new FileInfo(shot).Length > 10_000);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }
}
