using System.CommandLine;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet station`: the factory station (run, export, report, simulate).</summary>
    public static class StationCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create() => new Command("station",
            "The factory flashing station: flash ESP32s on several ports in parallel, each with its own\n" +
            "claim image (serial number + MAC), and record every device in SQLite.\n" +
            "Try it without hardware: `nanofleet station simulate --pty --devices 2`, then pass the printed\n" +
            "ports to `nanofleet station run`.")
        {
            StationRunCommand.Create(),
            StationExportCommand.Create(),
            StationReportCommand.Create(),
            StationSimulateCommand.Create(),
            StationDashboardCommand.Create(),
        };

        /// <summary>The record store option shared by the subcommands.</summary>
        internal static Option<string> DatabaseOption() =>
            new("--db") { Description = "The station's SQLite record store.", DefaultValueFactory = _ => "station.db" };
    }
}
