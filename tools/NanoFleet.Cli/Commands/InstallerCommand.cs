using System;
using System.CommandLine;
using System.Net.Http;
using NanoFleet.Cli.Device;
using NanoFleet.Cli.Installer;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Hal.Host.Serial;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet installer claim`: a trusted user hands a device a temporary claim over its serial port.</summary>
    public static class InstallerCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create()
        {
            var installer = new Command("installer", "Provisioning by a trusted user: an installer, signed in with their own AWS credentials, gives a device a temporary claim.");
            installer.Subcommands.Add(CreateClaim());
            return installer;
        }

        private static Command CreateClaim()
        {
            var template = new Option<string>("--template") { Description = "The provisioning template the claim is bound to.", Required = true };
            var port = new Option<string>("--port") { Description = "The device's serial port (e.g. /dev/ttyUSB0, or a virtual device's pty).", Required = true };
            var endpoint = new Option<string?>("--endpoint")
            {
                Description = "The AWS IoT control-plane URL (default: AWS_ENDPOINT_URL_IOT, AWS_ENDPOINT_URL, else https://iot.REGION.amazonaws.com); the emulator's is printed by `nanofleet cloud start`.",
            };
            var profileFile = new Option<string?>("--profile-file") { Description = "An AWS shared-credentials file with the installer's key (default: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION)." };
            var profile = new Option<string>("--profile") { Description = "The section of --profile-file to use.", DefaultValueFactory = _ => "default" };
            var region = new Option<string?>("--region") { Description = "The region to sign for (default: the profile's or AWS_REGION)." };
            var deviceEndpoint = new Option<string?>("--device-endpoint") { Description = "HOST:PORT the device connects to instead of the endpoint in its claim partition." };
            var helloTimeout = new Option<int>("--hello-timeout") { Description = "Seconds to wait for the device's HELLO.", DefaultValueFactory = _ => 30 };
            var timeout = new Option<int>("--timeout") { Description = "Seconds provisioning may take once the device has the claim.", DefaultValueFactory = _ => 120 };
            var claim = new Command(
                "claim",
                "Get a temporary claim (CreateProvisioningClaim, valid 5 minutes) as the installer, wait for the device's\n" +
                "HELLO on --port, send it the claim (framed, CRC-checked, acknowledged) and show what the device reports:\n" +
                "received, each provisioning step, its thing name, or why it failed. The claim's key is never logged or\n" +
                "written to a file. The installer's IAM policy needs only iot:CreateProvisioningClaim on the template's ARN.\n" +
                "Exit 0 provisioned; 1 provisioning failed; 2 bad input or unknown template; 3 device silent;\n" +
                "10 claim expired before the device used it (run again); 11 device refused the claim; 12 access denied.\n" +
                "Example: nanofleet installer claim --template fleet --port /dev/ttyUSB0 --profile-file installer.ini")
            {
                template, port, endpoint, profileFile, profile, region, deviceEndpoint, helloTimeout, timeout,
            };
            claim.SetAction(parse => Run(
                parse.GetValue(template)!, parse.GetValue(port)!, parse.GetValue(endpoint), parse.GetValue(profileFile), parse.GetValue(profile)!,
                parse.GetValue(region), parse.GetValue(deviceEndpoint), parse.GetValue(helloTimeout), parse.GetValue(timeout)));
            return claim;
        }

        private static int Run(string template, string port, string? endpoint, string? profileFile, string profile, string? region,
            string? deviceEndpoint, int helloSeconds, int timeoutSeconds)
        {
            if (deviceEndpoint is not null && !EndpointText.IsValid(deviceEndpoint))
            {
                throw new CliException(ExitCodes.BadInput, $"--device-endpoint '{deviceEndpoint}' is not HOST:PORT (e.g. 127.0.0.1:8883)");
            }

            if (helloSeconds < 1 || timeoutSeconds < 1)
            {
                throw new CliException(ExitCodes.BadInput, $"--hello-timeout {helloSeconds} / --timeout {timeoutSeconds}: each must be at least 1 second");
            }

            var credentials = InstallerCredentials.Load(profileFile, profile, region, Environment.GetEnvironmentVariable);
            string url = endpoint ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_IOT") ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL")
                ?? $"https://iot.{credentials.Region}.amazonaws.com";
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? controlPlane) || (controlPlane.Scheme != "http" && controlPlane.Scheme != "https"))
            {
                throw new CliException(ExitCodes.BadInput, $"--endpoint '{url}' is not an http(s) URL");
            }

            using var stop = new StopSignals();
            using var line = new SerialPortLine(port);
            using var client = new ControlPlaneClient(controlPlane, credentials.Region, credentials.AccessKeyId, credentials.SecretAccessKey);
            var installer = new ClaimInstaller(line, new ControlPlaneClaimSource(client), new InstallerOptions
            {
                HelloTimeout = TimeSpan.FromSeconds(helloSeconds),
                ProvisioningTimeout = TimeSpan.FromSeconds(timeoutSeconds),
                DeviceEndpoint = deviceEndpoint ?? "",
            });
            installer.Progress += (_, e) => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {e.Stage,-12} {TerminalText.Escape(e.Detail)}");
            Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {"AUTH",-12} CreateProvisioningClaim for template '{template}' at {controlPlane} as {credentials}");
            InstallOutcome outcome;
            try
            {
                outcome = installer.RunAsync(template, stop.Token).GetAwaiter().GetResult();
            }
            catch (AwsServiceException ex)
            {
                int code = ex.ErrorType == "ResourceNotFoundException" || ex.ErrorType == "InvalidRequestException" ? ExitCodes.BadInput
                    : ex.StatusCode is 401 or 403 ? ExitCodes.AccessDenied : ExitCodes.Failure;
                throw new CliException(code, $"CreateProvisioningClaim for template '{template}' refused: {ex.ErrorType}: {ex.Message}; nothing was sent to the device");
            }
            catch (HttpRequestException ex)
            {
                throw new CliException(ExitCodes.Failure, $"cannot reach the control plane at {controlPlane}: {ex.Message}; nothing was sent to the device");
            }

            return outcome switch
            {
                InstallOutcome.Provisioned => ExitCodes.Success,
                InstallOutcome.ClaimExpired => Fail(ExitCodes.ClaimExpired, "the claim expired before the device used it: run the command again for a fresh one"),
                InstallOutcome.Refused => Fail(ExitCodes.ClaimRefused, $"the device refused the claim ({installer.DeviceReason})"),
                InstallOutcome.DeviceSilent => Fail(ExitCodes.DeviceError, $"no answer from the device on {port}"),
                _ => Fail(ExitCodes.Failure, $"the device could not provision ({installer.DeviceReason})"),
            };
        }

        private static int Fail(int code, string message)
        {
            Console.Error.WriteLine("nanofleet: " + message);
            return code;
        }
    }
}
