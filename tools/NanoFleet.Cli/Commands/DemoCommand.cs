using System;
using System.CommandLine;
using System.Threading;
using NanoFleet.Cli.Demo;
using NanoFleet.Cli.Device;
using Spectre.Console;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet demo`: the whole flow on one machine, no hardware and no AWS account.</summary>
    public static class DemoCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create()
        {
            var devices = new Option<int>("--devices", "-n") { Description = "How many virtual devices to provision (1-500).", DefaultValueFactory = _ => 3 };
            var keep = new Option<string?>("--keep") { Description = "Keep the workspace (flash images, emulator registry) in this directory instead of deleting it." };
            var faults = new Option<bool>("--faults") { Description = "Turn on the emulator's fault injection (a dropped response, a dropped connection, a 500, throttling) to watch the retries." };
            var cbor = new Option<bool>("--cbor") { Description = "Use the CBOR provisioning API instead of JSON." };
            var flow = new Option<string>("--flow")
            {
                Description = "The provisioning path: claim (a shared claim in every factory image, traded for a certificate), trusted-user\n" +
                    "(no claim in flash; an installer gets each device a temporary claim from the control plane and hands it over its\n" +
                    "serial port) or jitp (a factory CA signs a certificate per device; its first connection registers it).",
                DefaultValueFactory = _ => "claim",
            };
            flow.AcceptOnlyFromAmong(DemoFlows.Names);
            var timeout = new Option<int>("--timeout") { Description = "Give up after this many seconds.", DefaultValueFactory = _ => 120 };
            var demo = new Command(
                "demo",
                "Run the whole provisioning flow locally: start the fleet-provisioning emulator (mTLS MQTT broker,\n" +
                "template naming things from SerialNumber, allow-list pre-provisioning hook), issue a claim\n" +
                "certificate, build a 4 MB flash image per device from partitions.csv with its own MAC and serial,\n" +
                "boot each as a virtual ESP32 and watch it trade the claim for its own certificate and thing.\n" +
                "Exits 0 only if every device ends connected as its own thing with its own certificate.")
            {
                devices, keep, faults, cbor, timeout, flow,
            };
            demo.SetAction(parse => Run(new DemoOptions
            {
                Devices = parse.GetValue(devices),
                KeepDirectory = parse.GetValue(keep),
                Faults = parse.GetValue(faults),
                Cbor = parse.GetValue(cbor),
                Flow = DemoFlows.Parse(parse.GetValue(flow)!),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
            }));
            return demo;
        }

        /// <summary>Runs the demo with the console's own view; the exit code scripts can trust.</summary>
        internal static int Run(DemoOptions options)
        {
            if (options.Devices is < 1 or > 500)
            {
                throw new CliException(ExitCodes.BadInput, $"--devices {options.Devices}: must be between 1 and 500");
            }

            if (options.Timeout <= TimeSpan.Zero)
            {
                throw new CliException(ExitCodes.BadInput, "--timeout must be at least 1 second");
            }

            using var stop = new StopSignals();
            var report = new DemoFleet(options, ViewFor(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }))).RunAsync(stop.Token).GetAwaiter().GetResult();
            return report.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
        }

        /// <summary>A live table on an interactive terminal; plain lines when output is redirected (CI, pipes).</summary>
        private static IDemoView ViewFor(IAnsiConsole console) =>
            !Console.IsOutputRedirected && console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi
                ? new LiveDemoView(console)
                : new PlainDemoView(console, Console.Out);
    }
}
