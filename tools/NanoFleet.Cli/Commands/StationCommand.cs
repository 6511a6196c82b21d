using System.CommandLine;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet station`. Placeholder until its issue lands; it only prints help.</summary>
    public static class StationCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create() => new Command("station", "(not yet built)");
    }
}
