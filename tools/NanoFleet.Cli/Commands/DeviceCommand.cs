using System.CommandLine;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet device`. Placeholder until its issue lands; it only prints help.</summary>
    public static class DeviceCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create() => new Command("device", "(not yet built)");
    }
}
