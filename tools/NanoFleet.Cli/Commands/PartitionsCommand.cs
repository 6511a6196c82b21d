using System.CommandLine;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet partitions`. Placeholder until its issue lands; it only prints help.</summary>
    public static class PartitionsCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create() => new Command("partitions", "(not yet built)");
    }
}
