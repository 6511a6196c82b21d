using NanoFleet.Cli;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.TrustedUser
{
    /// <summary>`nanofleet demo --flow trusted-user`, in-process as a user runs it.</summary>
    [Collection(ConsoleCollection.Name)]
    public sealed class TrustedUserDemoTests
    {
        [Fact]
        public void Demo_TrustedUserFlow_EveryDeviceBecomesItsOwnThing()
        {
            var (code, output) = ConsoleCapture.Run("demo", "--flow", "trusted-user", "--devices", "2");

            Assert.True(code == ExitCodes.Success, output);
            Assert.Contains("Trusted user: no claim in flash", output);
            Assert.Contains("AwaitingClaim", output);
            Assert.Contains("sensor-NF0001", output);
            Assert.Contains("sensor-NF0002", output);
            Assert.Contains("OK: 2 devices provisioned", output);
        }

        [Fact]
        public void Demo_UnknownFlow_IsOneLineExit2()
        {
            var (code, output) = ConsoleCapture.Run("demo", "--flow", "carrier-pigeon");

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("carrier-pigeon", output);
        }
    }
}
