using NanoFleet.Cli;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Jitp
{
    /// <summary>`nanofleet demo --flow jitp` as a user runs it, in-process.</summary>
    [Collection(ConsoleCollection.Name)]
    public sealed class JitpCommandLineTests
    {
        [Fact]
        public void DemoJitp_TwoDevices_ExitsZeroAsTheirOwnThings()
        {
            var (code, output) = ConsoleCapture.Run("demo", "--flow", "jitp", "--devices", "2");

            Assert.True(code == ExitCodes.Success, output);
            Assert.Contains("Factory CA 'CN=NanoFleet Demo Factory Issuing CA' registered", output);
            Assert.Contains("OK: 2 devices provisioned", output);
            Assert.Contains("NF0002", output);
            Assert.DoesNotContain("sensor-NF0001", output); // the thing is the certificate's CN, not the fleet template's name
        }

        [Fact]
        public void DemoUnknownFlow_IsBadInput()
        {
            var (code, output) = ConsoleCapture.Run("demo", "--flow", "teleport");
            Assert.True(code == ExitCodes.BadInput, output);
            Assert.Contains("teleport", output);
        }
    }
}
