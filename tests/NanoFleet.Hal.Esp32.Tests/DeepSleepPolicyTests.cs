using NanoFleet.Firmware;
using Xunit;

namespace NanoFleet.Hal.Esp32.Tests
{
    public class DeepSleepPolicyTests
    {
        [Theory]
        [InlineData("ConnectingWithClaimPermanentFailure", true)]      // a revoked or unknown claim certificate
        [InlineData("ConnectingWithClaimRetriesExhausted", true)]
        [InlineData("SubscribingCreatePermanentFailure", true)]
        [InlineData("RequestingCertificatePermanentFailure", true)]
        [InlineData("RequestingCertificateRetriesExhausted", true)]
        [InlineData("ConnectingWithClaimTransientFailure", false)]     // a short retry: stay awake
        [InlineData("ConnectingAsThingPermanentFailure", false)]       // the rejection count is only in RAM
        [InlineData("SubscribingRegisterRetriesExhausted", false)]     // the new certificate and token are only in RAM
        [InlineData("RegisteringThingPermanentFailure", false)]
        [InlineData("PersistingPermanentFailure", false)]              // the registered credentials are not in flash yet
        [InlineData("", false)]
        public void SleepsThrough_OnlyLongWaitsWhoseStateIsInFlash(string failure, bool sleeps)
        {
            Assert.Equal(sleeps, DeepSleepPolicy.SleepsThrough(failure));
        }
    }
}
