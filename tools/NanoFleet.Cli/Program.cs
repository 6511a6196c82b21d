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
                DemoCommand.Create(),
            };
            return CliErrors.Run(() => root.Parse(args).Invoke());
        }
    }
}
