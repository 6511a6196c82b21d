using System.CommandLine;
using NanoFleet.Cli.Commands;

namespace NanoFleet.Cli
{
    /// <summary>Entry point of `nanofleet`. Each verb lives in Commands/ in a file of its own.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var root = new RootCommand(
                "NanoFleet: zero-touch AWS IoT fleet provisioning for .NET nanoFramework on ESP32.\n" +
                "Start with `nanofleet demo`: a local fleet-provisioning emulator, factory-built flash\n" +
                "images and virtual devices provisioning end to end, no hardware and no AWS account.")
            {
                PartitionsCommand.Create(),
                ImageCommand.Create(),
                FlashCommand.Create(),
                StationCommand.Create(),
                CloudCommand.Create(),
                DeviceCommand.Create(),
                InstallerCommand.Create(),
                DemoCommand.Create(),
            };
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
            {
                // System.CommandLine exits 1 on a usage error and prints it over several lines; scripts get
                // 2 (bad input) and one line from us.
                System.Console.Error.WriteLine(UsageErrors.Describe(parsed));
                return ExitCodes.BadInput;
            }

            // Our handler, not System.CommandLine's: one line and a meaningful exit code, no stack trace.
            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            return CliErrors.Run(() => parsed.Invoke(invocation));
        }
    }
}
