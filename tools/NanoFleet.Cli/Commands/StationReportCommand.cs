using System;
using System.CommandLine;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using NanoFleet.Station.Records;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet station report`: yield and failures by cause.</summary>
    internal static class StationReportCommand
    {
        public static Command Create()
        {
            var db = StationCommand.DatabaseOption();
            var passwordFile = StationCommand.PasswordFileOption();
            var station = StationCommand.StationFilterOption();
            var command = new Command("report",
                "Yield (devices whose last attempt succeeded / devices seen) and failures by cause,\n" +
                "per device and per attempt, over every station sharing the store (or --station NAME).\n" +
                "Example: nanofleet station report --db station.db\n" +
                "         PGPASSWORD=… nanofleet station report --db postgresql://nf@db.factory:5432/fleet --station line-2")
            {
                db, passwordFile, station,
            };
            command.SetAction(result =>
            {
                using IRecordStore store = StationCommand.OpenExisting(result.GetValue(db)!, result.GetValue(passwordFile));
                var report = YieldReport.From(store.All(result.GetValue(station)));
                Console.WriteLine($"devices: {report.Devices}   ok: {report.Ok}   yield: {report.Yield:P1}   attempts: {report.Attempts}");
                Console.WriteLine("failures by cause (devices / attempts):");
                var causes = report.AttemptsFailedBy.Keys.Union(report.DevicesFailedBy.Keys).OrderBy(c => c);
                foreach (FailureCause cause in causes)
                {
                    Console.WriteLine($"  {RecordCsv.Name(cause),-20} {report.DevicesFailedBy.GetValueOrDefault(cause),5} / {report.AttemptsFailedBy.GetValueOrDefault(cause)}");
                }

                return ExitCodes.Success;
            });
            return command;
        }
    }
}
