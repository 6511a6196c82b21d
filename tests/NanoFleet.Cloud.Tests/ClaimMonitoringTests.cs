using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NanoFleet.Cloud.Monitoring;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>Claim misuse monitoring over real MQTT: per-claim counters, thresholds, alarms, and turning a misused claim off.</summary>
    public class ClaimMonitoringTests
    {
        private static async Task<(TestEmulator Env, ConcurrentQueue<string> Alarms)> StartAsync(Action<NanoFleet.Cloud.Options.EmulatorOptionsBuilder>? configure = null)
        {
            // A frozen clock keeps every request inside one minute however slow the machine is.
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.Zero };
            var env = await TestEmulator.StartAsync(b =>
            {
                b.WithTimeProvider(clock);
                configure?.Invoke(b);
            });
            var alarms = new ConcurrentQueue<string>();
            env.Emulator.LogWritten += (_, e) =>
            {
                if (e.Step == "alarm")
                {
                    alarms.Enqueue(e.Message);
                }
            };
            return (env, alarms);
        }

        [Fact]
        public async Task RegistrationBurstOverTheThreshold_TurnsTheClaimOff_AndActiveTurnsItBackOn()
        {
            var (env, alarms) = await StartAsync();
            await using var _ = env;
            await env.Emulator.Templates.PutAsync("fleet", TemplateBodies.Fleet);
            var claim = await env.Emulator.Claims.CreateAsync("fleet", new ClaimLimits(MaxRegistrationsPerMinute: 2, OnAlarm: ClaimAlarmAction.Deactivate));
            await using var device = await env.ConnectAsync(claim);

            foreach (string serial in new[] { "1", "2" })
            {
                var (_, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial(serial));
                Assert.True(registered.Accepted);
            }

            // The third registration is served, then the claim is turned off: its answer may be cut off with the connection.
            var third = await Flow.CreateKeysAsync(device);
            await device.PublishAsync("$aws/provisioning-templates/fleet/provision/json",
                TestPayloads.RegisterThing(third.Text("certificateOwnershipToken"), Flow.Serial("3"), false));
            await device.Disconnected.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(await env.Emulator.Things.GetAsync("ThingPrefix_3"));
            Assert.Equal(CertificateStatus.Inactive, (await env.Emulator.Certificates.GetAsync(claim.CertificateId))!.Status);
            Assert.Equal("CONNECT refused: NotAuthorized", (await Assert.ThrowsAsync<InvalidOperationException>(() => env.ConnectAsync(claim))).Message);
            string alarm = Assert.Single(alarms);
            Assert.Contains(claim.CertificateId, alarm);
            Assert.Contains("--max-registrations-per-minute 2", alarm);

            var usage = (await env.Emulator.Claims.GetUsageAsync(claim.CertificateId))!;
            Assert.Equal((3L, 3L, 3L, 0L), (usage.Registrations, usage.RegistrationsLastMinute, usage.DistinctSerials, usage.Failures));
            Assert.Equal(ClaimMonitor.RegistrationsThreshold, Assert.Single(usage.Alarms).Threshold);
            Assert.Equal(6L, usage.RequestsBySourceAddress["127.0.0.1"]); // three times CreateKeysAndCertificate and RegisterThing

            var api = new ControlPlaneCaller(env.Emulator);
            Assert.Null(await api.CallAsync("PUT", $"/certificates/{claim.CertificateId}?newStatus=ACTIVE"));
            await using var again = await env.ConnectAsync(claim);
            var (_, fourth) = await Flow.ProvisionAsync(again, "fleet", Flow.Serial("4"));
            Assert.True(fourth.Accepted);
            Assert.Equal(CertificateStatus.Active, (await env.Emulator.Certificates.GetAsync(claim.CertificateId))!.Status);
            Assert.Single(alarms); // turned back on by an operator: its minute starts afresh
        }

        [Fact]
        public async Task FailuresOverTheThreshold_WithLogAction_AlarmOnce_AndLeaveTheClaimOn()
        {
            var (env, alarms) = await StartAsync();
            await using var _ = env;
            await env.Emulator.Templates.PutAsync("fleet", TemplateBodies.Fleet);
            var claim = await env.Emulator.Claims.CreateAsync("fleet");
            Assert.True(await env.Emulator.Claims.SetLimitsAsync(claim.CertificateId, new ClaimLimits(MaxFailuresPerMinute: 1)));
            await using var device = await env.ConnectAsync(claim);

            for (int i = 0; i < 3; i++)
            {
                Assert.False((await Flow.RegisterAsync(device, "fleet", "forged-token-" + i, Flow.Serial("x"))).Accepted);
            }

            Assert.Contains("--max-failures-per-minute 1", Assert.Single(alarms));
            Assert.True(device.IsConnected);
            var usage = (await env.Emulator.Claims.GetUsageAsync(claim.CertificateId))!;
            Assert.Equal((3L, 3L, 0L), (usage.Failures, usage.FailuresLastMinute, usage.Registrations));
            Assert.Equal(ClaimAlarmAction.Log, usage.Limits.OnAlarm);
        }

        [Fact]
        public async Task RequestsFromMoreAddressesThanAllowed_TurnTheClaimOff()
        {
            var (env, alarms) = await StartAsync();
            await using var _ = env;
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await env.Emulator.Claims.SetLimitsAsync(claim.CertificateId, new ClaimLimits(MaxDistinctAddresses: 2, OnAlarm: ClaimAlarmAction.Deactivate));

            foreach (string source in new[] { "127.0.0.2", "127.0.0.3" })
            {
                await using var device = await Connect(env, claim, source);
                Assert.True((await Flow.CreateKeysAsync(device)).Accepted);
            }

            await using var third = await Connect(env, claim, "127.0.0.4");
            await third.PublishAsync("$aws/certificates/create/json", "{}"u8.ToArray()); // served, then the claim is turned off
            await third.Disconnected.WaitAsync(TimeSpan.FromSeconds(30));

            var usage = (await env.Emulator.Claims.GetUsageAsync(claim.CertificateId))!;
            Assert.Equal(new[] { "127.0.0.2", "127.0.0.3", "127.0.0.4" }, usage.RequestsBySourceAddress.Keys.Order());
            Assert.Equal(CertificateStatus.Inactive, usage.Status);
            Assert.Contains("--max-distinct-addresses 2", Assert.Single(alarms));
        }

        [Fact]
        public async Task HookDenials_AreCountedPerClaim_AndServedOnTheControlPlane()
        {
            var (env, _) = await StartAsync();
            await using var __ = env;
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            // Nothing listens on port 1: the hook cannot be reached, which AWS (and the emulator) treat as a denial.
            await env.Emulator.Functions.HookTemplateAsync("fleet", "unreachable", new Uri("http://127.0.0.1:1/hook"));
            await using var device = await env.ConnectAsync(claim);
            var (_, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("denied-1"));
            Assert.Equal("ACCESS_DENIED", registered.Text("errorCode"));

            var api = new ControlPlaneCaller(env.Emulator);
            var usage = (await api.CallAsync("GET", $"/nanofleet/claims/{claim.CertificateId}/usage"))!;

            Assert.Equal(1, usage["hookDenials"]!.GetValue<long>());
            Assert.Equal(1, usage["failures"]!.GetValue<long>());
            Assert.Equal(1, usage["distinctSerials"]!.GetValue<long>());
            Assert.Equal("ACTIVE", usage["status"]!.GetValue<string>());
            Assert.Equal("log", usage["limits"]!["onAlarm"]!.GetValue<string>());
            Assert.Equal($"arn:aws:iot:us-east-1:123456789012:cert/{claim.CertificateId}", api.ResourceArnOf("GET", $"/nanofleet/claims/{claim.CertificateId}/usage"));
            Assert.Equal((404, "ResourceNotFoundException"), await api.ErrorOfAsync("GET", $"/nanofleet/claims/{new string('0', 64)}/usage"));
        }

        [Fact]
        public async Task Thresholds_AreKeptInTheRegistry_AndMustBePositive()
        {
            var (env, _) = await StartAsync();
            await using var __ = env;
            await env.Emulator.Templates.PutAsync("fleet", TemplateBodies.Fleet);
            var limits = new ClaimLimits(5, 10, 3, ClaimAlarmAction.Deactivate);
            var claim = await env.Emulator.Claims.CreateAsync("fleet", limits);

            await Assert.ThrowsAsync<ArgumentException>(() => env.Emulator.Claims.CreateAsync("fleet", new ClaimLimits(MaxFailuresPerMinute: 0)));
            await Assert.ThrowsAsync<ArgumentException>(() => env.Emulator.Claims.SetLimitsAsync(claim.CertificateId, new ClaimLimits(MaxDistinctAddresses: -1)));
            Assert.False(await env.Emulator.Claims.SetLimitsAsync(new string('0', 64), limits));
            Assert.Single(await env.Emulator.Claims.ListAsync());

            await env.RestartAsync(b => b.WithKeyAlgorithm(KeyAlgorithm.EcP256));
            Assert.Equal(limits, (await env.Emulator.Claims.GetUsageAsync(claim.CertificateId))!.Limits);
        }

        private static Task<TestDevice> Connect(TestEmulator env, ClaimCredentials claim, string source) =>
            TestDevice.ConnectAsync(env.Emulator.Port, env.Emulator.CaCertificatePem, claim.CertificatePem, claim.PrivateKeyPem, sourceAddress: IPAddress.Parse(source));
    }
}
