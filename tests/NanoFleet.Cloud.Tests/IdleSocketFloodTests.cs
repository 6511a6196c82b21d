using System;
using System.Diagnostics;
using System.Threading.Tasks;
using NanoFleet.Cloud.Options;
using NanoFleet.Cloud.Tests.Support;
using NanoFleet.Tests.Shared;
using Xunit.Abstractions;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>
    /// The flood that used to abort the emulator, scaled to a test: idle sockets on 127.0.0.1 that never start TLS,
    /// several times the connection caps, reopened as fast as they are closed. Real devices must still provision
    /// (slower is fine), and once the flood stops everything is as before. Bounded in sockets and time; the
    /// figures go to the test output. The full-size flood is `bench cloud-flood`.
    /// </summary>
    public class IdleSocketFloodTests
    {
        private const int FloodSockets = 1500;
        private static readonly NetworkLimits Limits = NetworkLimits.Default with
        {
            MaxConnections = 600, MaxConnectionsPerAddress = 400, HandshakeTimeout = TimeSpan.FromSeconds(5),
        };

        private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
        private readonly ITestOutputHelper _output;

        public IdleSocketFloodTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task UnderAnIdleSocketFlood_DevicesStillProvision_AndAllRecoversAfter()
        {
            await using var env = await TestEmulator.StartAsync(b => b.WithNetworkLimits(Limits));
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            long before = Memory();
            var quiet = await ProvisionTimedAsync(env, claim, "before");

            long peak;
            TimeSpan during;
            await using (var flood = IdleSocketFlood.Start(env.Emulator.Port, FloodSockets))
            {
                await WaitUntilAsync(() => flood.Opened >= FloodSockets, "the flood never got going");
                during = await ProvisionTimedAsync(env, claim, "during-1");
                during += await ProvisionTimedAsync(env, claim, "during-2");
                peak = Memory();
                Assert.True(env.Emulator.OpenConnections <= Limits.MaxConnections);
                _output.WriteLine($"flood: {flood.Opened} sockets opened, {flood.ClosedByServer} closed by the server, {flood.Failed} refused; " +
                    $"{flood.Open} open now, emulator holds {env.Emulator.OpenConnections} (cap {Limits.MaxConnections})");
            }

            await WaitUntilAsync(() => env.Emulator.OpenConnections == 0, "flood connections still open after it stopped");
            var after = await ProvisionTimedAsync(env, claim, "after");
            long settled = Memory();
            _output.WriteLine($"provisioning: {quiet.TotalMilliseconds:F0} ms before, {during.TotalMilliseconds / 2:F0} ms each during, {after.TotalMilliseconds:F0} ms after");
            _output.WriteLine($"managed memory: {before / 1048576} MiB before, {peak / 1048576} MiB during, {settled / 1048576} MiB after; " +
                $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB (test host, emulator and flood in one process)");

            Assert.True(peak - before < 512L * 1048576, $"the flood grew managed memory by {(peak - before) / 1048576} MiB");
            Assert.True(settled - before < 64L * 1048576, $"memory did not come back: {(settled - before) / 1048576} MiB above the start");
        }

        /// <summary>One whole device (claim connect, CreateKeysAndCertificate, RegisterThing, thing connect); a connect that
        /// loses its place to the flood is retried, as a device's backoff would.</summary>
        private static async Task<TimeSpan> ProvisionTimedAsync(TestEmulator env, ClaimCredentials claim, string serial)
        {
            var watch = Stopwatch.StartNew();
            await using var device = await RetryAsync(() => env.ConnectAsync(claim));
            var (created, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial(serial));
            Assert.True(registered.Accepted);
            await using var thing = await RetryAsync(() => env.ConnectThingAsync(created, "ThingPrefix_" + serial));
            return watch.Elapsed;
        }

        private static async Task<TestDevice> RetryAsync(Func<Task<TestDevice>> connect)
        {
            var deadline = DateTime.UtcNow + Deadline;
            while (true)
            {
                try
                {
                    return await connect();
                }
                catch (Exception) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }
        }

        private static async Task WaitUntilAsync(Func<bool> condition, string failure)
        {
            var deadline = DateTime.UtcNow + Deadline;
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, failure);
                await Task.Delay(50);
            }
        }

        private static long Memory()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return GC.GetTotalMemory(true);
        }
    }
}
