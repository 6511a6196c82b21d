using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using NanoFleet.Cloud.Events;
using NanoFleet.Cloud.Metrics;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>Per-API request counts and service-time percentiles, as <c>Metrics.Snapshot()</c> reports them.</summary>
    public class MetricsTests
    {
        private const int Devices = 4;

        [Fact]
        public async Task Snapshot_AfterSomeProvisionings_HasOrderedServiceTimesPerApi()
        {
            await using var env = await TestEmulator.StartAsync();
            var completed = new ConcurrentQueue<RequestCompletedEventArgs>();
            var allCompleted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            env.Emulator.RequestCompleted += (_, e) =>
            {
                completed.Enqueue(e);
                if (completed.Count == 2 * Devices + 1)
                {
                    allCompleted.TrySetResult();
                }
            };
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            for (int i = 0; i < Devices; i++)
            {
                Assert.True((await Flow.ProvisionAsync(device, "fleet", Flow.Serial(i.ToString()))).Registered.Accepted);
            }

            Assert.False((await Flow.RegisterAsync(device, "fleet", "no-such-token", Flow.Serial("x"))).Accepted);
            await allCompleted.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the event follows the response

            var apis = env.Emulator.Metrics.Snapshot().Apis.ToDictionary(a => a.Api);
            AssertServiceTimes(apis[nameof(ProvisioningApi.CreateKeysAndCertificate)], Devices, 0, completed);
            AssertServiceTimes(apis[nameof(ProvisioningApi.RegisterThing)], Devices + 1, 1, completed);
            Assert.Equal(new ApiMetrics(nameof(ProvisioningApi.CreateCertificateFromCsr), 0, 0, 0, 0, 0), apis[nameof(ProvisioningApi.CreateCertificateFromCsr)]);
        }

        /// <summary>The case the test above hits by chance: a max whose 0.01 ms rounding goes up, which once made p99 &gt; max.</summary>
        [Fact]
        public void Percentiles_RoundAllThreeAlike_SoP99NeverExceedsMax()
        {
            var recorder = new LatencyRecorder();
            recorder.Add(TimeSpan.FromTicks(48_079)); // 4.8079 ms
            Assert.Equal((4.81, 4.81, 4.81), recorder.Percentiles());
        }

        /// <summary>Counts match, 0 ≤ p50 ≤ p99 ≤ max, max is the slowest latency the requests reported (to 0.01 ms),
        /// and p50 is no faster than the fastest.</summary>
        private static void AssertServiceTimes(ApiMetrics metrics, long requests, long failed, ConcurrentQueue<RequestCompletedEventArgs> completed)
        {
            var observed = completed.Where(e => e.Api.ToString() == metrics.Api).Select(e => e.Latency.TotalMilliseconds).ToList();
            Assert.Equal(requests, observed.Count);
            Assert.Equal(requests, metrics.Requests);
            Assert.Equal(failed, metrics.Failed);
            Assert.InRange(metrics.LatencyP50Ms, 0, metrics.LatencyP99Ms);
            Assert.InRange(metrics.LatencyP99Ms, metrics.LatencyP50Ms, metrics.LatencyMaxMs);
            Assert.True(metrics.LatencyMaxMs > 0, metrics.Api);
            Assert.Equal(Math.Round(observed.Max(), 2), metrics.LatencyMaxMs);
            Assert.InRange(metrics.LatencyP50Ms, Math.Round(observed.Min(), 2), metrics.LatencyMaxMs);
        }
    }
}
