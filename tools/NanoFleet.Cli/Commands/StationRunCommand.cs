using System;
using System.Collections.Concurrent;
using System.CommandLine;
using System.Linq;
using System.Threading;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Partitions;
using NanoFleet.Station.Records;
using Spectre.Console;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet station run`: one device per port, in parallel.</summary>
    internal static class StationRunCommand
    {
        public static Command Create()
        {
            var ports = new Option<string>("--ports") { Description = "Comma-separated serial ports, one device on each (e.g. /dev/ttyUSB0,/dev/ttyUSB1).", Required = true };
            var claimDir = new Option<string?>("--claim-dir") { Description = "Directory with ca.pem, claim.pem, claim.key and endpoint.txt (HOST[:PORT]). Fleet provisioning by claim; or give --jitp-ca." };
            var template = new Option<string?>("--template") { Description = "Fleet-provisioning template name put in each claim image (with --claim-dir)." };
            var jitpCa = new Option<string?>("--jitp-ca")
            {
                Description = "Just-in-time provisioning instead of a claim: a directory with ca.pem and ca.key (the factory CA registered\n" +
                    "with AWS IoT), server-ca.pem (the broker's CA) and endpoint.txt. Each device gets its own EC P-256 certificate\n" +
                    "with CommonName = its serial number, written with the CA chain and no claim (`nanofleet cloud ca create` makes one).",
            };
            var prefix = new Option<string>("--serial-prefix") { Description = "Serial number prefix; numbers follow as 6 digits (NF-000001).", Required = true };
            var firmware = new Option<string[]>("--firmware") { Description = "App image as LABEL=FILE or OFFSET=FILE; a bare FILE goes to 'factory'. Repeatable.", Arity = ArgumentArity.ZeroOrMore };
            var bootloader = new Option<string?>("--bootloader") { Description = "Second-stage bootloader image (e.g. built with flash encryption enabled), written at the chip's fixed bootloader offset (0x1000 on the ESP32) after its ESP image checks." };
            var partitions = new Option<string>("--partitions") { Description = "The flash layout; its table is written too.", DefaultValueFactory = _ => "partitions.csv" };
            var db = StationCommand.DatabaseOption();
            var passwordFile = StationCommand.PasswordFileOption();
            var op = new Option<string>("--operator") { Description = "Operator name recorded with each device.", DefaultValueFactory = _ => Environment.UserName };
            var station = new Option<string>("--station") { Description = "Station name recorded with each device.", DefaultValueFactory = _ => Environment.MachineName };
            var reflash = new Option<bool>("--reflash") { Description = "Flash devices any station sharing the store already provisioned again (they keep their serial)." };
            var baud = new Option<int>("--baud", "-b") { Description = "Baud rate for writing.", DefaultValueFactory = _ => 921600 };
            var noCompress = new Option<bool>("--no-compress") { Description = "Send raw blocks." };
            var dashboard = StationDashboardCommand.RunOption();
            var allowRemote = StationDashboardCommand.AllowRemoteOption();
            var command = new Command("run",
                "For each port in parallel: detect the chip and read its MAC; refuse a device any station sharing\n" +
                "the store already provisioned (unless --reflash); allocate the next serial (never twice, even across\n" +
                "ports, stations or a restart); build its claim image with SerialNumber and MacAddress parameters (with\n" +
                "--jitp-ca instead: its own certificate from the factory CA, CN = serial, no claim; the record keeps its SHA-256);\n" +
                "flash the bootloader (if given), table, claim and firmware and verify each by MD5; record the outcome.\n" +
                "A killed station loses no record: its next run, or any station's run once its 60 s lease lapses,\n" +
                "marks its unfinished devices 'interrupted' (a live station's devices are never touched).\n" +
                "Each station on a shared store needs its own --station name.\n" +
                "Exit codes: 0 every device ok, 1 some device failed or was refused, 2 bad input.\n" +
                "Example: nanofleet station run --ports /dev/ttyUSB0,/dev/ttyUSB1 --claim-dir claim/ \\\n" +
                "           --template fleet-tpl --serial-prefix NF- --firmware nanoCLR.bin --operator alice")
            {
                ports, claimDir, template, jitpCa, prefix, firmware, bootloader, partitions, db, passwordFile, op, station, reflash, baud, noCompress,
                dashboard, allowRemote,
            };
            command.SetAction(result =>
            {
                string csv = result.GetValue(partitions)!;
                var layout = PartitionTable.ParseCsv(OutputFiles.ReadText(csv, "--partitions"), csv);
                var images = (result.GetValue(firmware) ?? Array.Empty<string>()).Select(f =>
                {
                    int eq = f.IndexOf('=');
                    (string where, string file) = eq > 0 ? (f[..eq], f[(eq + 1)..]) : ("factory", f);
                    return (where, OutputFiles.ReadBytes(file, "--firmware"), file);
                }).ToList();
                string? bootFile = result.GetValue(bootloader);
                string? claimPath = result.GetValue(claimDir), jitpPath = result.GetValue(jitpCa), templateName = result.GetValue(template);
                if ((claimPath is null) == (jitpPath is null))
                {
                    throw new CliException(ExitCodes.BadInput, "give --claim-dir (with --template) for fleet provisioning, or --jitp-ca for just-in-time provisioning, not both");
                }

                if (claimPath is not null && templateName is null)
                {
                    throw new CliException(ExitCodes.BadInput, "--claim-dir needs --template: the fleet-provisioning template put in each claim image");
                }

                using var jitp = jitpPath is null ? null : JitpCaDirectory.Load(jitpPath);
                var options = new StationOptions
                {
                    Ports = result.GetValue(ports)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    Claim = claimPath is null ? null : ClaimDirectory.Load(claimPath),
                    JitpCa = jitp,
                    Template = templateName ?? "",
                    SerialPrefix = result.GetValue(prefix)!,
                    Layout = layout,
                    Firmware = images,
                    Bootloader = bootFile is null ? null : (OutputFiles.ReadBytes(bootFile, "--bootloader"), bootFile),
                    Database = result.GetValue(db)!,
                    DatabasePasswordFile = result.GetValue(passwordFile),
                    Operator = result.GetValue(op)!,
                    StationName = result.GetValue(station)!,
                    Reflash = result.GetValue(reflash),
                    Baud = result.GetValue(baud),
                    Compress = !result.GetValue(noCompress),
                };
                var runner = new StationRunner(options);
                using var serving = StationDashboardCommand.StartForRun(result, dashboard, allowRemote, options);
                using var cancel = new CancellationTokenSource();
                Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
                var records = AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
                    .Start(ctx =>
                    {
                        var tasks = new ConcurrentDictionary<string, ProgressTask>(options.Ports.ToDictionary(p => p, p => ctx.AddTask(p, maxValue: 1)));
                        runner.ProgressChanged += (_, e) =>
                        {
                            var task = tasks[e.Port];
                            task.Description = $"{e.Port}: {e.Stage}";
                            if (e.Total > 0) task.Value = (double)e.Done / e.Total;
                        };
                        return runner.Run(cancel.Token);
                    });
                if (runner.MarkedInterrupted > 0)
                {
                    Console.WriteLine($"{runner.MarkedInterrupted} unfinished device(s) of stopped stations marked interrupted");
                }

                foreach (DeviceRecord r in records)
                {
                    string outcome = r.Result == DeviceResult.Ok ? "ok" : $"{RecordCsv.Name(r.Result)} ({RecordCsv.Name(r.Cause)}): {r.Error}";
                    Console.WriteLine($"{r.Port}: {(r.Mac.Length > 0 ? r.Mac : "no chip")} {(r.Serial.Length > 0 ? r.Serial : "-")} {outcome}");
                }

                int ok = records.Count(r => r.Result == DeviceResult.Ok);
                Console.WriteLine($"{ok} of {records.Count} devices ok; records in {RecordStores.Describe(options.Database)}");
                return cancel.IsCancellationRequested ? ExitCodes.Interrupted : ok == records.Count ? ExitCodes.Success : ExitCodes.Failure;
            });
            return command;
        }
    }
}
