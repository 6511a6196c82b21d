using System.CommandLine;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet demo`. Placeholder until its issue lands; it only prints help.</summary>
    public static class DemoCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create() => new Command("demo", "(not yet built)");
    }
}
