using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using NanoFleet.Cloud.Hooks;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Options;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>The hook gets AWS's Lambda input over HTTP; anything but a timely allowProvisioning:true is ACCESS_DENIED.</summary>
    public class PreProvisioningHookTests
    {
        [Fact]
        public async Task AllowListHook_Allows_Denies_AndOverrides()
        {
            await using var hook = new AllowListHook("SerialNumber", new[] { "SN-1" }, new Dictionary<string, string> { ["DeviceLocation"] = "Seattle" });
            await hook.StartAsync();
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet, hook.Url);
            await using var device = await env.ConnectAsync(claim);

            var (_, allowed) = await Flow.ProvisionAsync(device, "fleet", new Dictionary<string, string> { ["SerialNumber"] = "SN-1", ["DeviceLocation"] = "Paris" });
            Assert.True(allowed.Accepted);
            Assert.Equal(new[] { "v1-lightbulbs", "Seattle" }, (await env.Emulator.Things.GetAsync("ThingPrefix_SN-1"))!.ThingGroups); // override won

            var (_, denied) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("SN-2"));
            Assert.False(denied.Accepted);
            Assert.Equal(403L, denied.Body["statusCode"]);
            Assert.Equal("ACCESS_DENIED", denied.Text("errorCode"));
            Assert.Contains("allowProvisioning", denied.Text("errorMessage"));
            Assert.Null(await env.Emulator.Things.GetAsync("ThingPrefix_SN-2"));
            Assert.Equal(2, hook.Requests);
        }

        [Fact]
        public async Task SlowHook_TimesOut_AsAccessDenied()
        {
            await using var slow = new LoopbackHttpServer(0, async (_, ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                return new HttpResponseData(200, "{\"allowProvisioning\":true}");
            });
            slow.Start();
            await using var env = await TestEmulator.StartAsync(b => b.WithHookTimeout(TimeSpan.FromMilliseconds(300)));
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet, new Uri($"http://127.0.0.1:{slow.Port}/"));
            await using var device = await env.ConnectAsync(claim);
            var (_, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));
            Assert.Equal("ACCESS_DENIED", registered.Text("errorCode"));
            Assert.Contains("did not answer within 0.3 s", registered.Text("errorMessage"));
        }

        [Fact]
        public void HookTimeout_DefaultsToAwsFiveSeconds() =>
            Assert.Equal(TimeSpan.FromSeconds(5), new EmulatorOptionsBuilder().Build().HookTimeout);

        [Theory]
        [InlineData(500, "{\"allowProvisioning\":true}", "HTTP 500")]
        [InlineData(200, "{\"allowProvisioning\":\"true\"}", "allowProvisioning")]
        [InlineData(200, "not json", "not JSON")]
        public async Task FailingHook_IsAccessDenied(int status, string body, string expected)
        {
            await using var server = new LoopbackHttpServer(0, (_, _) => Task.FromResult(new HttpResponseData(status, body)));
            server.Start();
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet, new Uri($"http://127.0.0.1:{server.Port}/"));
            await using var device = await env.ConnectAsync(claim);
            var (_, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));
            Assert.Equal("ACCESS_DENIED", registered.Text("errorCode"));
            Assert.Contains(expected, registered.Text("errorMessage"));
        }

        [Fact]
        public async Task UnreachableHook_IsAccessDenied()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet, new Uri($"http://127.0.0.1:{closedPort}/"));
            await using var device = await env.ConnectAsync(claim);
            var (_, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));
            Assert.Equal("ACCESS_DENIED", registered.Text("errorCode"));
            Assert.Contains("could not be reached", registered.Text("errorMessage"));
        }
    }
}
