using NanoFleet.Provisioning;

namespace NanoFleet.Firmware
{
    /// <summary>
    /// Which of the core's long waits the device spends in deep sleep instead of awake. A deep-sleep
    /// wake-up is a reboot, so only waits after which the core would start over from nothing but flash
    /// qualify: a claim connect, the create subscriptions or the certificate request that failed for
    /// good or ran out of retries. Not after ConnectingAsThing (the count of rejections of the device
    /// certificate lives in RAM), SubscribingRegister or RegisteringThing (the new certificate, its key
    /// and ownership token, valid for an hour, are only in RAM) or Persisting (the registered thing's
    /// credentials are not yet in flash).
    /// </summary>
    public static class DeepSleepPolicy
    {
        // The suffix the core gives a long wait after the retries ran out (ProvisioningMachine.Failures.cs).
        private const string RetriesExhausted = "RetriesExhausted";

        /// <summary>True when the failure that started a backoff (<see cref="StepChangedEventArgs.Failure"/>) is one to sleep through.</summary>
        public static bool SleepsThrough(string failure)
        {
            return IsLongWaitOf(failure, ProvisioningStep.ConnectingWithClaim)
                || IsLongWaitOf(failure, ProvisioningStep.SubscribingCreate)
                || IsLongWaitOf(failure, ProvisioningStep.RequestingCertificate);
        }

        private static bool IsLongWaitOf(string failure, ProvisioningStep step)
        {
            string name = ProvisioningNames.Of(step);
            return failure == name + FailureNames.Of(FailureClass.Permanent) || failure == name + RetriesExhausted;
        }
    }
}
