using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using NanoFleet.Cloud.Events;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>IoT Core speaks QoS 0 and 1; a QoS 2 PUBLISH is neither acknowledged nor served.</summary>
    public class QualityOfServiceTests
    {
        [Theory]
        [InlineData(MqttProtocolVersion.V311)]
        [InlineData(MqttProtocolVersion.V500)]
        public async Task WholeFlowAtQoS0_IsServed_AndAnsweredAtQoS0(MqttProtocolVersion version)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim, version: version);
            device.RequestQos = MqttQualityOfServiceLevel.AtMostOnce; // as the STM32 port does

            var (created, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));

            Assert.Equal(MqttQualityOfServiceLevel.AtMostOnce, created.Qos);
            Assert.True(registered.Accepted);
            Assert.Equal(MqttQualityOfServiceLevel.AtMostOnce, registered.Qos);
            Assert.Equal("ThingPrefix_1", registered.Text("thingName"));
            await using var thing = await env.ConnectThingAsync(created, "ThingPrefix_1", version);
            Assert.True(thing.IsConnected);
        }

        [Theory]
        [InlineData(MqttProtocolVersion.V311)]
        [InlineData(MqttProtocolVersion.V500)]
        public async Task QoS2Request_GetsNoAckAndNoAnswer_AndTheConnectionStaysUsable(MqttProtocolVersion version)
        {
            await using var env = await TestEmulator.StartAsync();
            var completed = new ConcurrentQueue<RequestCompletedEventArgs>();
            env.Emulator.RequestCompleted += (_, e) => completed.Enqueue(e);
            var warnings = new ConcurrentQueue<EmulatorLogEventArgs>();
            env.Emulator.LogWritten += (_, e) =>
            {
                if (e.Step == "qos2")
                {
                    warnings.Enqueue(e);
                }
            };
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim, version: version);
            await device.SubscribeAsync("$aws/certificates/create/json/accepted");
            await device.SubscribeAsync("$aws/certificates/create/json/rejected");

            // "When QoS level 2 is requested, the message broker doesn't send a PUBACK or SUBACK": no PUBREC either.
            using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
            {
                await Assert.ThrowsAsync<MqttCommunicationTimedOutException>(() =>
                    device.PublishAsync("$aws/certificates/create/json", "{}"u8.ToArray(), MqttQualityOfServiceLevel.ExactlyOnce, wait.Token));
            }

            Assert.True(await device.NothingWithinAsync(TimeSpan.FromSeconds(1)));
            var ignored = Assert.Single(warnings);
            Assert.Equal(claim.CertificateId, ignored.CertificateId);
            Assert.Contains("ignored a QoS 2 PUBLISH", ignored.Message);
            Assert.Empty(completed);
            Assert.Equal(0, CreateKeysRequests(env));
            Assert.Single(await env.Emulator.Certificates.ListAsync()); // only the claim: nothing was issued

            // The emulator keeps the connection open, and the same connection is served at QoS 1.
            Assert.True(device.IsConnected);
            Assert.True((await Flow.CreateKeysAsync(device)).Accepted);
            Assert.Equal(1, CreateKeysRequests(env));
        }

        private static long CreateKeysRequests(TestEmulator env) =>
            Assert.Single(env.Emulator.Metrics.Snapshot().Apis, a => a.Api == nameof(ProvisioningApi.CreateKeysAndCertificate)).Requests;
    }
}
