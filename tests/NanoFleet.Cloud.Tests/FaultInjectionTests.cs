using System;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Exceptions;
using NanoFleet.Cloud.Events;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>Each fault, injected at run time, observed by a real device.</summary>
    public class FaultInjectionTests
    {
        [Fact]
        public async Task Throttle_RejectsWithThrottlingException()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            env.Emulator.Faults.Throttle(ProvisioningApi.CreateKeysAndCertificate, 1);
            Assert.True((await Flow.CreateKeysAsync(device)).Accepted);
            var throttled = await Flow.CreateKeysAsync(device);
            Assert.False(throttled.Accepted);
            Assert.Equal("ThrottlingException", throttled.Text("errorCode"));
            Assert.Equal(1, env.Emulator.Metrics.CreateKeysAndCertificateFailed);
        }

        [Fact]
        public async Task Reject_Drop_Disconnect_AndStartTimeSpec()
        {
            await using var env = await TestEmulator.StartAsync(b => b.WithFaults("reject=RegisterThing:InternalFailureException:500:1"));
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            var (created, rejected) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));
            Assert.Equal(500L, rejected.Body["statusCode"]);
            Assert.Equal("InternalFailureException", rejected.Text("errorCode"));
            Assert.Equal("", env.Emulator.Faults.Describe()); // count of 1 used up

            env.Emulator.Faults.DropResponses(1);
            await Assert.ThrowsAsync<TimeoutException>(() => device.RequestAsync("$aws/certificates/create/json", "{}"u8.ToArray(), TimeSpan.FromMilliseconds(500)));
            Assert.True((await Flow.CreateKeysAsync(device)).Accepted);

            var completed = new TaskCompletionSource<RequestCompletedEventArgs>();
            env.Emulator.RequestCompleted += (_, e) => completed.TrySetResult(e);
            env.Emulator.Faults.DisconnectAfterRequests(1);
            try
            {
                await device.PublishAsync("$aws/provisioning-templates/fleet/provision/json",
                    TestPayloads.RegisterThing(created.Text("certificateOwnershipToken"), Flow.Serial("1"), false));
            }
            catch (MqttClientDisconnectedException)
            {
                // The fault may close the connection before the PUBACK goes out; either order is what a device sees.
            }

            await device.Disconnected.WaitAsync(TimeSpan.FromSeconds(10));
            var outcome = await completed.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(ResponseOutcome.Disconnected, outcome.Outcome);
            Assert.NotNull(await env.Emulator.Things.GetAsync("ThingPrefix_1")); // the request itself ran
        }

        [Fact]
        public async Task Delay_HoldsTheResponse_AndBadSpecIsRejected()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            env.Emulator.Faults.Apply("delay=400ms");
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Assert.True((await Flow.CreateKeysAsync(device)).Accepted);
            // Timers run on a coarse tick and may fire a little early against Stopwatch; an
            // undelayed answer takes a few milliseconds, so 380 still proves the hold.
            Assert.True(watch.ElapsedMilliseconds >= 380, $"answered after {watch.ElapsedMilliseconds} ms");
            var error = Assert.Throws<FormatException>(() => env.Emulator.Faults.Apply("throttle=Nope:3"));
            Assert.Contains("throttle=Nope:3", error.Message);
        }

        [Fact]
        public async Task DropSubAck_SubscriptionStandsButIsNeverAcknowledged()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            env.Emulator.Faults.Apply("dropsuback=1");
            Assert.Equal("dropsuback=1", env.Emulator.Faults.Describe());

            using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
            {
                // MQTTnet reports a SUBSCRIBE whose SUBACK did not come before the token as a timeout.
                await Assert.ThrowsAsync<MqttCommunicationTimedOutException>(() => device.SubscribeAsync("$aws/certificates/create/json/accepted", cancellationToken: wait.Token));
            }

            Assert.Equal("", env.Emulator.Faults.Describe()); // one SUBACK lost, the count is used up
            Assert.True(device.IsConnected);
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeAsync("$aws/certificates/create/json/rejected"));

            // Only the ack was lost: the broker made the subscription, so the answer is delivered.
            await device.PublishAsync("$aws/certificates/create/json", "{}"u8.ToArray());
            var answer = await device.NextAsync(TimeSpan.FromSeconds(20));
            Assert.Equal("$aws/certificates/create/json/accepted", answer.Topic);
        }

        [Fact]
        public async Task InterceptingRegisterThing_CanVeto()
        {
            await using var env = await TestEmulator.StartAsync();
            env.Emulator.InterceptingRegisterThingAsync += e =>
            {
                e.Accept = e.Parameters["SerialNumber"] != "bad";
                e.RejectErrorCode = "ResourceRegistrationFailureException";
                e.RejectStatusCode = 400;
                return Task.CompletedTask;
            };
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            Assert.True((await Flow.ProvisionAsync(device, "fleet", Flow.Serial("good"))).Registered.Accepted);
            var (_, vetoed) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("bad"));
            Assert.Equal("ResourceRegistrationFailureException", vetoed.Text("errorCode"));
            Assert.Null(await env.Emulator.Things.GetAsync("ThingPrefix_bad"));
        }
    }
}
