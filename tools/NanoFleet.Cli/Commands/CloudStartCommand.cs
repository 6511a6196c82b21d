using System;
using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud;
using NanoFleet.Cloud.Options;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet cloud start`: runs the emulator until Ctrl-C.</summary>
    internal static class CloudStartCommand
    {
        public static Command Create()
        {
            var data = CloudCommand.DataOption();
            var port = new Option<int>("--port") { Description = "MQTT port (TLS, client certificate required); 0 picks a free one.", DefaultValueFactory = _ => EmulatorOptions.DefaultPort };
            var address = new Option<string>("--address") { Description = "Address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
            var timeScale = new Option<double>("--time-scale") { Description = "Run the emulator's clock X times faster (60 turns the 1 h token lifetime into 1 minute).", DefaultValueFactory = _ => 1.0 };
            var keys = new Option<string>("--key-algorithm") { Description = "Key pairs CreateKeysAndCertificate makes: rsa (RSA-2048, as AWS) or ec (P-256).", DefaultValueFactory = _ => "rsa" };
            keys.AcceptOnlyFromAmong("rsa", "ec");
            var faults = new Option<string?>("--faults") { Description = "Faults from the start, e.g. \"throttle=RegisterThing:10;delay=200ms;drop=1;dropsuback=1;disconnect=1;reject=RegisterThing:InternalFailureException:500:3\"." };
            var region = new Option<string>("--region") { Description = "AWS region in the ARNs the emulator builds (templateArn, policy resources).", DefaultValueFactory = _ => EmulatorOptions.DefaultRegion };
            var account = new Option<string>("--account") { Description = "12-digit AWS account id in those ARNs.", DefaultValueFactory = _ => EmulatorOptions.DefaultAccountId };
            var controlPlanePort = new Option<int>("--control-plane-port")
            {
                Description = "Port of the AWS IoT control plane (REST + SigV4) on 127.0.0.1; 0 picks a free one. Point the AWS CLI at it with --endpoint-url; `cloud identity credentials operator` gives the keys.",
                DefaultValueFactory = _ => 0,
            };
            var quiet = new Option<bool>("--quiet") { Description = "Print only warnings and errors." };
            var defaults = NetworkLimits.Default;
            var maxConnections = new Option<int>("--max-connections")
            {
                Description = $"Open connections at once (default {defaults.MaxConnections}: 8192, or half the open-file limit when lower). At the cap a newcomer takes the place of the oldest connection that has not finished TLS and CONNECT; established ones are never pushed out.",
                DefaultValueFactory = _ => defaults.MaxConnections,
            };
            var maxPerAddress = new Option<int>("--max-connections-per-address")
            {
                Description = $"Open connections from one source address (default {defaults.MaxConnectionsPerAddress}).",
                DefaultValueFactory = _ => defaults.MaxConnectionsPerAddress,
            };
            var handshakeTimeout = new Option<double>("--handshake-timeout")
            {
                Description = $"Seconds a connection has from accept to the end of TLS and its CONNECT; a silent or half-open one is reset then (default {defaults.HandshakeTimeout.TotalSeconds:0}).",
                DefaultValueFactory = _ => defaults.HandshakeTimeout.TotalSeconds,
            };
            var command = new Command("start", "Run the emulator until Ctrl-C. Logs one logfmt line per step (never keys or tokens).")
            {
                data, port, address, timeScale, keys, faults, region, account, quiet, maxConnections, maxPerAddress, handshakeTimeout, controlPlanePort,
            };
            command.SetAction(async (r, ct) =>
            {
                if (!IPAddress.TryParse(r.GetValue(address), out var ip))
                {
                    throw new CliException(ExitCodes.BadInput, $"--address '{r.GetValue(address)}' is not an IP address");
                }

                RequirePositive("--max-connections", r.GetValue(maxConnections));
                RequirePositive("--max-connections-per-address", r.GetValue(maxPerAddress));
                RequirePositive("--handshake-timeout", r.GetValue(handshakeTimeout));

                EmulatorOptions options;
                try
                {
                    options = new EmulatorOptionsBuilder()
                        .WithDataDirectory(r.GetValue(data)!)
                        .WithEndpoint(ip, r.GetValue(port))
                        .WithTimeScale(r.GetValue(timeScale))
                        .WithKeyAlgorithm(r.GetValue(keys) == "ec" ? KeyAlgorithm.EcP256 : KeyAlgorithm.Rsa2048)
                        .WithFaults(r.GetValue(faults))
                        .WithRegion(r.GetValue(region)!)
                        .WithAccountId(r.GetValue(account)!)
                        .WithNetworkLimits(defaults with
                        {
                            MaxConnections = r.GetValue(maxConnections),
                            MaxConnectionsPerAddress = r.GetValue(maxPerAddress),
                            HandshakeTimeout = TimeSpan.FromSeconds(r.GetValue(handshakeTimeout)),
                        })
                        .WithAdminEndpoint()
                        .WithControlPlane(port: r.GetValue(controlPlanePort))
                        .Build();
                }
                catch (Exception ex) when (ex is InvalidOperationException or FormatException)
                {
                    throw new CliException(ExitCodes.BadInput, ex.Message);
                }

                bool onlyWarnings = r.GetValue(quiet);
                await using var emulator = new FleetEmulator(options);
                emulator.LogWritten += (_, e) =>
                {
                    if (!onlyWarnings || e.Level != NanoFleet.Cloud.Events.EmulatorLogLevel.Information)
                    {
                        // Client ids and thing names come from devices: escaped, they cannot forge or split a log line.
                        Console.Out.WriteLine(TerminalText.Escape(e.ToString()));
                    }
                };
                // Ctrl-C and SIGTERM both stop cleanly: the broker drains, admin.json is removed.
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
                using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
                await emulator.StartAsync(ct);
                Console.Out.WriteLine($"nanofleet cloud: mqtts://{ip}:{emulator.Port}  CA {System.IO.Path.Combine(options.DataDirectory, "ca.crt")}  admin 127.0.0.1:{emulator.AdminPort}  (Ctrl-C stops)");
                Console.Out.WriteLine($"control plane: http://127.0.0.1:{emulator.ControlPlanePort}  (AWS IoT REST + SigV4; keys: nanofleet cloud identity credentials operator)");
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }

                await emulator.StopAsync();
                Console.Out.WriteLine("nanofleet cloud: stopped cleanly");
                return ExitCodes.Success;
            });
            return command;
        }

        private static void RequirePositive(string option, double value)
        {
            if (!(value > 0))
            {
                throw new CliException(ExitCodes.BadInput, $"{option} {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}: must be more than 0");
            }
        }
    }
}
