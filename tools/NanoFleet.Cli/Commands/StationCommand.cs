using System.CommandLine;
using System.IO;
using NanoFleet.Station.Records;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet station`: the factory station (run, export, report, simulate).</summary>
    public static class StationCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create() => new Command("station",
            "The factory flashing station: flash ESP32s on several ports in parallel, each with its own\n" +
            "claim image (serial number + MAC), and record every device in SQLite (one station) or in one\n" +
            "PostgreSQL database shared by every station of the floor (unique serials across stations).\n" +
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
            new("--db")
            {
                Description = "The record store: a SQLite file (one station; the default), or a PostgreSQL connection\n" +
                    "string shared by many stations: postgresql://USER@HOST:PORT/DB or Host=…;Username=…;Database=….\n" +
                    "The password comes from PGPASSWORD, a passfile (~/.pgpass, PGPASSFILE) or --db-password-file.",
                DefaultValueFactory = _ => "station.db",
            };

        /// <summary>The owner-only PostgreSQL password file option shared by the subcommands.</summary>
        internal static Option<string?> PasswordFileOption() =>
            new("--db-password-file") { Description = "File holding the PostgreSQL password (owner-only, chmod 600); never logged." };

        /// <summary>The `--station NAME` filter of report and export.</summary>
        internal static Option<string?> StationFilterOption() =>
            new("--station") { Description = "Only this station's devices (every station sharing the store when omitted)." };

        /// <summary>Opens an existing record store for reading: a missing SQLite file is an error, not a new empty store.</summary>
        internal static IRecordStore OpenExisting(string db, string? passwordFile)
        {
            if (!RecordStores.IsPostgres(db) && !File.Exists(db))
            {
                throw new FileNotFoundException($"--db {db}: no station database there");
            }

            return RecordStores.Open(db, passwordFile);
        }
    }
}
