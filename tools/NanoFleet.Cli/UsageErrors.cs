using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

namespace NanoFleet.Cli
{
    /// <summary>
    /// Renders System.CommandLine's parse errors for every verb as the one line our other errors are, naming the
    /// bad input and where the usage is: scripts and log scrapers read errors a line at a time.
    /// </summary>
    public static class UsageErrors
    {
        /// <summary>"nanofleet: ERROR[; ERROR…] (usage: `nanofleet VERB… --help`)".</summary>
        public static string Describe(ParseResult parsed)
        {
            string errors = string.Join("; ", parsed.Errors.Select(e => TerminalText.OneLine(e.Message).TrimEnd('.')).Distinct());
            return $"nanofleet: {errors} (usage: `{CommandPath(parsed.CommandResult)} --help`)";
        }

        private static string CommandPath(CommandResult command)
        {
            // The root's name is the host's (dotnet, testhost); users know the tool as nanofleet.
            string path = "";
            for (var c = command; c.Parent is CommandResult parent; c = parent)
            {
                path = " " + c.Command.Name + path;
            }

            return "nanofleet" + path;
        }
    }
}
