using System;
using System.CommandLine;
using System.IO;
using NanoFleet.Station.Records;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet station export --csv`.</summary>
    internal static class StationExportCommand
    {
        public static Command Create()
        {
            var db = StationCommand.DatabaseOption();
            var passwordFile = StationCommand.PasswordFileOption();
            var station = StationCommand.StationFilterOption();
            var csv = new Option<bool>("--csv") { Description = "Write CSV (RFC 4180), one row per device attempt.", Required = true };
            var output = new Option<string?>("--output", "-o") { Description = "File to write; standard output when omitted." };
            var command = new Command("export",
                "Export every device record: station, operator, times, port, MAC, chip revision, serial,\n" +
                "claim-certificate SHA-256, image SHA-256s, result, cause and error. No key material is ever stored.\n" +
                "Every station sharing the store, or --station NAME.\n" +
                "Example: nanofleet station export --csv --db station.db -o devices.csv")
            {
                db, passwordFile, station, csv, output,
            };
            command.SetAction(result =>
            {
                using IRecordStore store = StationCommand.OpenExisting(result.GetValue(db)!, result.GetValue(passwordFile));
                var text = new StringWriter();
                RecordCsv.Write(text, store.All(result.GetValue(station)));
                if (result.GetValue(output) is string file) OutputFiles.WriteAllBytes(file, System.Text.Encoding.UTF8.GetBytes(text.ToString()));
                else Console.Write(text.ToString());
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
