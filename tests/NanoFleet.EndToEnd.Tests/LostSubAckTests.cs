using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cli.Device;
using NanoFleet.EndToEnd.Tests.Support;
using NanoFleet.Hal.Host.Logging;
using Xunit;

namespace NanoFleet.EndToEnd.Tests
{
    /// <summary>A SUBSCRIBE the broker never acknowledges: the device's step timer must fire and it must retry.</summary>
    public sealed class LostSubAckTests
    {
        [Theory]
        [InlineData("SubscribingCreate")]
        [InlineData("SubscribingRegister")]
        public async Task FirstSubAckLost_StepTimesOutRetriesAndProvisions(string step)
        {
            await using var cloud = await E2eCloud.StartAsync();
            var log = new StringWriter();
            var options = E2eCloud.FastOptions("dev-01", new TextLogSink(log, "dev-01"));
            using var device = new VirtualDevice(cloud.BuildImage(1), options);
            var steps = new StepRecorder(device).OnFirst(step, () => cloud.Emulator.Faults.DropSubAcks(1));

            Assert.Equal(DeviceRunOutcome.Operational, device.Boot(false, CancellationToken.None));

            Assert.Equal("", cloud.Emulator.Faults.Describe()); // the SUBACK really was lost, not left armed
            Assert.Contains($"{step}TransientFailure: timed out after {options.StepTimeoutMilliseconds} ms", log.ToString()); // the step timer, not a drop, ended the wait
            Assert.True(steps.Count(step) >= 2, step + " was not retried after its SUBACK was lost: " + string.Join(",", steps.Steps));
            Assert.Equal(E2eCloud.ThingOf(1), device.ThingName);
        }
    }
}
