using System.Threading;
using NanoFleet.Hal;
using NanoFleet.Hal.Host.Time;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Provisioning.Transfer;

namespace NanoFleet.Cli.Device
{
    // The trusted-user boot: the image's claim partition holds no claim and the device has no
    // credentials, so it waits on its serial line for an installer's temporary claim, as the firmware
    // waits on its UART. The claim stays in RAM and is wiped after the run.
    public sealed partial class VirtualDevice
    {
        private RunResult? AwaitTemporaryClaim(DeviceImage image, ProvisioningClaim claim, ICredentialStore store, ILogSink log, CancellationToken cancellation)
        {
            if (_options.ClaimLine is not ISerialLine line)
            {
                throw new System.IO.InvalidDataException(
                    $"'{_imagePath}': the claim partition holds no claim and the device is not provisioned: give it a serial line for an installer's claim (`device run --await-claim PTY`)");
            }

            var session = new ClaimTransferSession(line, new HostClock(_options.Time), log, image.MacAddress)
            {
                HelloIntervalMilliseconds = _options.ClaimHelloIntervalMilliseconds,
            };
            using (cancellation.Register(session.Stop))
            {
                while (!cancellation.IsCancellationRequested)
                {
                    Raise("AwaitingClaim", 0);
                    var temporary = new TemporaryClaim();
                    if (session.AwaitClaim(_options.ClaimWaitMilliseconds, temporary) != ClaimWaitResult.Received)
                    {
                        return null;
                    }

                    try
                    {
                        if (temporary.ApplyTo(claim) != TransferStatus.Success)
                        {
                            log.Log(LogLevel.Warning, "ClaimRefused", "the claim's endpoint '" + temporary.Endpoint + "' is not HOST:PORT");
                            continue;
                        }

                        ApplyEndpointOverride(claim);
                        RunResult result = session.Provision(NewRunner(image, claim, store, log));
                        if (session.FailureReason == 0)
                        {
                            return result;
                        }
                    }
                    finally
                    {
                        temporary.Wipe();
                    }

                    // FAILED went to the installer: wait for the fresh claim it fetches.
                }
            }

            return null;
        }
    }
}
