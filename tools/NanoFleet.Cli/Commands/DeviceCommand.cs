using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using NanoFleet.Cli.Device;
using NanoFleet.Hal;
using NanoFleet.Hal.Host.Logging;
using NanoFleet.Hal.Host.Serial;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet device run`: boots a virtual ESP32 from a flash image against an emulator or AWS IoT.</summary>
    public static class DeviceCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create()
        {
            var device = new Command("device", "Virtual ESP32 devices: the firmware's provisioning core on the host, booting from a flash image file.");
            device.Subcommands.Add(CreateRun());
            return device;
        }

        private static Command CreateRun()
        {
            var flash = new Option<FileInfo>("--flash")
            {
                Description = "The 4 MB flash image to boot (from `nanofleet image device`). Provisioning writes the device credentials into it.",
                Required = true,
            };
            var once = new Option<bool>("--once")
            {
                Description = "Boot once: exit 4 when the device asks to reboot, 0 as soon as it is operational (no heartbeats).",
            };
            var endpoint = new Option<string?>("--endpoint")
            {
                Description = "Connect to HOST:PORT instead of the endpoint stored in the claim partition.",
            };
            var heartbeat = new Option<int>("--heartbeat")
            {
                Description = "Seconds between heartbeats once operational.",
                DefaultValueFactory = _ => 30,
            };
            var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print the core's debug events." };
            var csr = new Option<bool>("--csr")
            {
                Description = "Make the key pair on the device (EC P-256) and use CreateCertificateFromCsr, so the private key never leaves it.",
            };
            var awaitClaim = new Option<string?>("--await-claim")
            {
                Description = "For an image built with `image device --no-claim`: wait on this serial port (a pty) for an installer's\n" +
                    "temporary claim (`nanofleet installer claim --port` on the other end), held in RAM only.",
            };
            var claimWait = new Option<int>("--claim-wait")
            {
                Description = "With --await-claim: seconds to wait for a claim before giving up (exit 1), as the firmware then sleeps.",
                DefaultValueFactory = _ => 600,
            };
            var run = new Command(
                "run",
                "Boot a virtual device: read the partition table at 0x8000, the claim partition and the credential\n" +
                "partition, provision with the claim if needed (CreateKeysAndCertificate, RegisterThing, persist,\n" +
                "reboot), connect as its own thing, then publish a heartbeat until Ctrl-C.\n" +
                "Example: nanofleet device run --flash dev-01.bin --endpoint 127.0.0.1:8883\n" +
                "Trusted user: nanofleet device run --flash dev-01.bin --await-claim /tmp/pty-device")
            {
                flash, once, endpoint, heartbeat, verbose, csr, awaitClaim, claimWait,
            };
            run.SetAction(parse => Run(
                parse.GetValue(flash)!,
                parse.GetValue(once),
                parse.GetValue(endpoint),
                parse.GetValue(heartbeat),
                parse.GetValue(verbose),
                parse.GetValue(csr),
                parse.GetValue(awaitClaim),
                parse.GetValue(claimWait)));
            return run;
        }

        private static int Run(FileInfo image, bool once, string? endpoint, int heartbeatSeconds, bool verbose, bool useCsr, string? claimPort, int claimWaitSeconds)
        {
            if (claimWaitSeconds < 1)
            {
                throw new CliException(ExitCodes.BadInput, $"--claim-wait {claimWaitSeconds}: must be at least 1 second");
            }

            if (endpoint is not null && !EndpointText.IsValid(endpoint))
            {
                throw new CliException(ExitCodes.BadInput, $"--endpoint '{endpoint}' is not HOST:PORT (e.g. 127.0.0.1:8883)");
            }

            if (heartbeatSeconds < 1)
            {
                throw new CliException(ExitCodes.BadInput, $"--heartbeat {heartbeatSeconds}: must be at least 1 second");
            }

            using var stop = new StopSignals();
            string name = Path.GetFileNameWithoutExtension(image.Name);
            var log = new TextLogSink(Console.Out, name, verbose ? LogLevel.Debug : LogLevel.Info);
            using var claimLine = claimPort is null ? null : new SerialPortLine(claimPort);
            using var device = new VirtualDevice(image.FullName, new VirtualDeviceOptions
            {
                Name = name, Log = log, EndpointOverride = endpoint, UseCsr = useCsr, ClaimLine = claimLine, ClaimWaitMilliseconds = claimWaitSeconds * 1000,
            });
            device.StepChanged += (_, e) =>
            {
                if (e.Step == "Booting")
                {
                    log.Log(LogLevel.Info, "Booting", $"boot {device.Boots} from {image.Name}, MAC {Hal.Host.Identity.MacAddress.ToDisplay(device.MacAddress)}");
                }
            };
            switch (device.Boot(once, stop.Token))
            {
                case DeviceRunOutcome.Rebooted:
                    log.Log(LogLevel.Info, "Rebooted", "stopping here (--once); run again to boot onto the stored credentials");
                    return ExitCodes.Rebooted;
                case DeviceRunOutcome.Stopped:
                    return ExitCodes.Interrupted;
                case DeviceRunOutcome.NoClaim:
                    throw new CliException(ExitCodes.Failure, $"no usable claim arrived on {claimPort} in {claimWaitSeconds} s; the device is not provisioned");
            }

            return once ? ExitCodes.Success : Idle(device, log, TimeSpan.FromSeconds(heartbeatSeconds), stop.Token);
        }

        private static int Idle(VirtualDevice device, ILogSink log, TimeSpan period, CancellationToken stop)
        {
            log.Log(LogLevel.Info, "Idle", $"publishing a heartbeat on {VirtualDevice.HeartbeatTopic(device.ThingName)} every {period.TotalSeconds:0} s; Ctrl-C stops");
            do
            {
                if (device.PublishHeartbeat() == HalStatus.Success)
                {
                    continue;
                }

                // As the firmware does when its session dies: restart and boot onto the stored identity
                // (or provision again if the cloud no longer accepts it).
                log.Log(LogLevel.Warning, "HeartbeatFailed", "the session is gone; rebooting");
                if (device.Boot(false, stop) != DeviceRunOutcome.Operational)
                {
                    break;
                }

            }
            while (!stop.WaitHandle.WaitOne(period));

            log.Log(LogLevel.Info, "Stopped", "stop signal (Ctrl-C or SIGTERM)");
            return ExitCodes.Interrupted;
        }

        /// <summary>The first 12 hex digits of a certificate id, as the summary tables show it.</summary>
        internal static string Short(string certificateId) => certificateId.Length > 12 ? certificateId.Substring(0, 12) : certificateId;
    }
}
