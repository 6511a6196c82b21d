using System.CommandLine;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet flash`. Placeholder until its issue lands; it only prints help.</summary>
    public static class FlashCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create() => new Command("flash", "(not yet built)");
    }
}
