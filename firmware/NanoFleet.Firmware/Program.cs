using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using nanoFramework.M2Mqtt;
using NanoFleet.Hal;
using NanoFleet.Hal.Esp32;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Firmware
{
    /// <summary>
    /// Boot: Wi-Fi, HAL, claim, credential store, provisioning runner, then the application
    /// (<see cref="Application.Run"/>). Every step is a log event; a step that cannot succeed stops
    /// here and keeps saying why, rather than running on half a setup.
    /// </summary>
    public static class Program
    {
        private const string ClaimPartitionLabel = "esp_secure_cert";
        private const string CredentialPartitionLabel = "nf_creds";
        private const int WifiTimeoutMilliseconds = 60000;
        private const int WifiRetryDelayMilliseconds = 30000;
        private const int HaltReminderMilliseconds = 60000;
        private const int ClaimWaitSleepMilliseconds = 900000;
        private const int JitpBackoffBaseMilliseconds = 1000;
        private const int JitpBackoffCapMilliseconds = 60000;
        private const int JitpMaxAttempts = 6;
        private const int JitpLongBackoffMilliseconds = 900000;

        /// <summary>The nanoCLR entry point.</summary>
        public static void Main()
        {
            ILogSink log = new ConsoleLogSink();
            log.Log(LogLevel.Info, "FirmwareStarting", BuildFlavour.IsRelease ? "release build" : "debug build");
            Esp32DeepSleep.LogWakeCause(log);

            var wifi = new WifiConnector(log);
            while (!wifi.Connect(WifiTimeoutMilliseconds))
            {
                Thread.Sleep(WifiRetryDelayMilliseconds);
            }

            Esp32Hal? hal = null;
            try
            {
                hal = new Esp32Hal(log);
            }
            catch (InvalidOperationException ex)
            {
                log.Log(LogLevel.Error, "HalFailed", ex.Message);
                Halt(log, "the ESP32 HAL could not start");
            }

            log.Log(LogLevel.Info, "HalReady", "station MAC " + hal.Identity.MacAddress);

            ClaimProtection protection = ClaimProtectionCheck.Run(log, ClaimPartitionLabel, BuildFlavour.IsRelease, BuildFlavour.AllowUnencryptedClaim);
            if (protection == ClaimProtection.Refused || protection == ClaimProtection.PartitionMissing)
            {
                Halt(log, "the claim partition cannot be used (see the previous event)");
            }

            var claim = new ProvisioningClaim();
            IFlashRegion? claimRegion = hal.Flash.Open(ClaimPartitionLabel);
            string claimError = "the partition table has no '" + ClaimPartitionLabel + "' partition";
            if (claimRegion == null || ClaimPartition.Read(claimRegion, claim, out claimError) != FpStatus.Success)
            {
                log.Log(LogLevel.Error, "ClaimUnreadable", claimError);
                Halt(log, "no usable claim: flash the device with `nanofleet station` or `nanofleet flash`");
            }

            log.Log(LogLevel.Info, "ClaimLoaded", claim.ToString());
            if (claim.JustInTime)
            {
                // The boot decision for JIT provisioning: the partition holds the device's own certificate, not a claim.
                HandOver(hal, log, RunJustInTime(hal, log, claim));
                return;
            }

            IFlashRegion? credentials = hal.Flash.Open(CredentialPartitionLabel);
            if (credentials == null)
            {
                log.Log(LogLevel.Error, "CredentialPartitionMissing", "the partition table has no '" + CredentialPartitionLabel + "' partition");
                Halt(log, "flash NanoFleet's partitions.csv");
            }

            var store = new DeviceCredentialStore(credentials, log);
            if (!claim.HasClaimCertificate && store.Load(new DeviceCredentials()) != StoreStatus.Success)
            {
                // The trusted-user boot decision: no claim in flash and no credentials yet.
                RunResult? installed = TrustedUserBoot.Run(hal, log, claim, store);
                if (installed == null)
                {
                    Esp32DeepSleep.SleepFor(log, Backoff.Long(ClaimWaitSleepMilliseconds, hal.Random)); // wakes into a fresh wait
                }

                hal.Rebooter.Reboot(); // onto the stored credentials
                Halt(log, "the reboot did not happen");
            }

            ProvisioningOptions options = new ProvisioningOptionsBuilder().WithClaimDefaults(claim).Build();
            var runner = new ProvisioningRunner(hal.Mqtt, hal.Clock, hal.Random, hal.Identity, hal.Rebooter, log,
                store, null, claim, options);
            Esp32Hal readyHal = hal;
            runner.StepChanged += (sender, e) =>
            {
                LogStep(log, e);
                if (e.Step == ProvisioningStep.BackingOff && DeepSleepPolicy.SleepsThrough(e.Failure))
                {
                    // The core has closed the session; the wake-up reboots into the same claim (same jitter rule as the core's wait).
                    Esp32DeepSleep.SleepFor(log, Backoff.Long(options.PermanentFailureBackoffMilliseconds, readyHal.Random));
                }
            };
            HandOver(hal, log, runner.Run());
        }

        /// <summary>JITP: connect with the factory-signed device certificate as the thing its CommonName names; the first
        /// connection is closed while AWS registers it, the retries back off (the core's <see cref="JitpMachine"/>).</summary>
        private static RunResult RunJustInTime(Esp32Hal hal, ILogSink log, ProvisioningClaim image)
        {
            var runner = new JitpRunner(hal.Mqtt, hal.Clock, log, image,
                new JitpMachine(JitpBackoffBaseMilliseconds, JitpBackoffCapMilliseconds, JitpMaxAttempts, JitpLongBackoffMilliseconds, hal.Random));
            runner.StepChanged += (sender, e) => LogStep(log, e);
            return runner.Run();
        }

        private static void LogStep(ILogSink log, StepChangedEventArgs e) => log.Log(LogLevel.Info, "ProvisioningStep",
            e.StepName + (e.Failure.Length > 0 ? " after " + e.Failure : "") + (e.Attempts > 0 ? ", " + e.Attempts + " failures in a row" : ""));

        /// <summary>Hands the connected session to the application, or reboots when provisioning ended otherwise.</summary>
        private static void HandOver(Esp32Hal hal, ILogSink log, RunResult result)
        {
            MqttClient? client = hal.Mqtt.Client;
            if (result.Outcome != RunOutcome.Operational || result.Credentials == null || client == null)
            {
                // On a device Reboot() does not return; getting here means the reset itself failed.
                log.Log(LogLevel.Error, "ProvisioningEnded", result.ToString() + "; rebooting");
                hal.Rebooter.Reboot();
                Halt(log, "the reboot did not happen");
            }

            log.Log(LogLevel.Info, "HandingOverToApplication", "thing " + result.ThingName);
            Application.Run(result.ThingName, result.Credentials.DeviceConfiguration, client, log);
        }

        // Stops the firmware for good, repeating the reason so a console attached later still sees it.
        [DoesNotReturn]
        private static void Halt(ILogSink log, string reason)
        {
            while (true)
            {
                log.Log(LogLevel.Error, "FirmwareHalted", reason);
                Thread.Sleep(HaltReminderMilliseconds);
            }
        }
    }
}
