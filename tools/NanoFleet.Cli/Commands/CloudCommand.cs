using System.CommandLine;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet cloud`. Placeholder until its issue lands; it only prints help.</summary>
    public static class CloudCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create() => new Command("cloud", "(not yet built)");
    }
}
