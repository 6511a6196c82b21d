using System;
using System.CommandLine;
using System.Diagnostics;
using System.Linq;
using NanoFleet.Station.Images;
using NanoFleet.Station.Operations;
using NanoFleet.Station.Partitions;
using NanoFleet.Station.Rom;
using NanoFleet.Station.Targets;
using Spectre.Console;

namespace NanoFleet.Cli.Commands
{
    /// <summary>
    /// `nanofleet flash`: checks the images, places them at the offsets partitions.csv gives, and writes
    /// them over the ESP32 ROM loader with an MD5 check of each region.
    /// </summary>
    public static class FlashCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create()
        {
            var port = new Option<string?>("--port", "-p") { Description = "Serial port of the ESP32 (e.g. /dev/ttyUSB0, or the path `nanofleet station simulate --pty` prints). Required unless --dry-run." };
            var baud = new Option<int>("--baud", "-b") { Description = "Baud rate for writing; the ROM is reached at 115200 first.", DefaultValueFactory = _ => 921600 };
            var partitions = new Option<string>("--partitions") { Description = "The flash layout that decides every offset.", DefaultValueFactory = _ => "partitions.csv" };
            var bootloader = new Option<string?>("--bootloader") { Description = $"Second-stage bootloader image (e.g. one built with flash encryption enabled); written at the ESP32's fixed bootloader offset 0x{Esp32Target.BootloaderOffset:X} after its ESP image checks, and it must end before the partition table." };
            var table = new Option<string?>("--table") { Description = "Partition-table binary (from `nanofleet partitions build`); written at the table offset after its MD5 row and rows are checked." };
            var claim = new Option<string?>("--claim") { Description = "Claim image (from `nanofleet image claim`); written at esp_secure_cert after its TLV CRCs are checked." };
            var apps = new Option<string[]>("--app") { Description = "App image as OFFSET=FILE or LABEL=FILE (e.g. factory=nanoCLR.bin); the offset must be an app row of partitions.csv. Repeatable.", Arity = ArgumentArity.ZeroOrMore };
            var noCompress = new Option<bool>("--no-compress") { Description = "Send raw blocks instead of zlib-compressed ones (slower; for debugging a link)." };
            var dryRun = new Option<bool>("--dry-run") { Description = "Check the images and show what would be written where; touch no port." };
            var trace = new Option<bool>("--trace") { Description = "Print every ROM packet in hex on standard error." };
            var command = new Command("flash",
                "Write a bootloader, a partition table, a claim image and app images to an ESP32 over its ROM serial\n" +
                "bootloader (esptool's protocol): classic DTR/RTS reset into download mode, chip check,\n" +
                "baud raise, compressed writes, MD5 verification of every region, hard reset.\n" +
                "Every image is checked before anything is written; offsets come from partitions.csv, except the\n" +
                $"bootloader's, which the ESP32 ROM fixes at 0x{Esp32Target.BootloaderOffset:X}.\n" +
                "Exit codes: 0 written and verified, 2 bad input (nothing written), 3 device or link error.\n" +
                "Example: nanofleet flash -p /dev/ttyUSB0 --table table.bin --claim claim.bin --app factory=nanoCLR.bin")
            {
                port, baud, partitions, bootloader, table, claim, apps, noCompress, dryRun, trace,
            };

            // A dry run touches no port, so only a real write needs one.
            command.Validators.Add(result =>
            {
                if (result.GetResult(port) is null && !result.GetValue(dryRun))
                {
                    result.AddError("Option '--port' is required unless --dry-run is given.");
                }
            });
            command.SetAction(result =>
            {
                string csv = result.GetValue(partitions)!;
                var layout = PartitionTable.ParseCsv(OutputFiles.ReadText(csv, "--partitions"), csv);
                var planner = new FlashPlanner(layout);
                if (result.GetValue(bootloader) is string b) planner.AddBootloader(OutputFiles.ReadBytes(b, "--bootloader"), b);
                if (result.GetValue(table) is string t) planner.AddTable(OutputFiles.ReadBytes(t, "--table"), t);
                if (result.GetValue(claim) is string c) planner.AddClaim(OutputFiles.ReadBytes(c, "--claim"), c);
                foreach (string pair in result.GetValue(apps) ?? Array.Empty<string>())
                {
                    int eq = pair.IndexOf('=');
                    if (eq <= 0 || eq == pair.Length - 1) throw new FormatException($"--app '{pair}' is not OFFSET=FILE or LABEL=FILE");
                    string file = pair[(eq + 1)..];
                    planner.AddApp(pair[..eq], OutputFiles.ReadBytes(file, "--app"), file);
                }

                FlashPlan plan = planner.Build();
                foreach (string note in plan.Notes) Console.WriteLine("checked " + note);
                if (result.GetValue(dryRun))
                {
                    foreach (var r in plan.Regions)
                        Console.WriteLine($"would write {r.Name,-16} 0x{r.Offset:X6}..0x{r.End:X6} {r.Data.Length,9} bytes sha256 {r.Sha256}");
                    return ExitCodes.Success;
                }

                return Write(result.GetValue(port)!, result.GetValue(baud), !result.GetValue(noCompress), result.GetValue(trace), plan);
            });
            return command;
        }

        private static int Write(string portName, int baud, bool compress, bool trace, FlashPlan plan)
        {
            var clock = Stopwatch.StartNew();
            using var serial = OpenPort(portName);
            var link = new RomLink(serial) { TraceEnabled = trace };
            link.Traced += (_, line) => Console.Error.WriteLine(line);
            Console.WriteLine($"Connecting to {portName}...");
            EspTarget target = Connector.Connect(link);
            DeviceIdentity id = DeviceIdentity.Read(target);
            Console.WriteLine($"Chip is {id.ChipName} (revision {id.RevisionText}), MAC {id.MacText}");
            foreach (var region in plan.Regions.Where(r => r.Data.Length > 0 && r.Data[0] == AppImage.Magic))
            {
                AppImage.Parse(region.Data, region.Name).CheckRevision(id.Revision);
            }

            Connector.PrepareFlash(target, plan.FlashSize);
            if (baud != serial.BaudRate)
            {
                target.ChangeBaud(baud);
                Console.WriteLine($"Changed baud rate to {baud}");
            }

            var writer = new FlashWriter(target) { Compress = compress };
            writer.Retried += (_, reason) => Console.Error.WriteLine("retry: " + reason);
            var results = AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var tasks = plan.Regions.ToDictionary(r => r.Name, r => ctx.AddTask($"{r.Name} @0x{r.Offset:X}", maxValue: (r.Data.Length + 3) & ~3));
                    writer.ProgressChanged += (_, e) =>
                    {
                        string name = e.Stage[(e.Stage.IndexOf(' ') + 1)..];
                        if (!tasks.TryGetValue(name, out var task)) return;
                        task.Description = $"{e.Stage} @0x{plan.Regions.First(r => r.Name == name).Offset:X}";
                        task.Value = e.Done;
                    };
                    return writer.WriteAll(plan.Regions);
                });
            foreach (var r in results)
            {
                Console.WriteLine($"Wrote {r.Size} bytes ({r.WireBytes} {(r.Compressed ? "compressed" : "raw")}) at 0x{r.Offset:X8} in {r.Elapsed.TotalSeconds:0.0} s; hash of data verified (md5 {r.Md5}){(r.Retries > 0 ? $", {r.Retries} retries" : "")}");
            }

            Connector.HardReset(serial);
            Console.WriteLine(serial.HasModemLines
                ? $"Hard reset via RTS pin; done in {clock.Elapsed.TotalSeconds:0.0} s"
                : $"This port has no DTR/RTS lines: reset the board by hand to boot; done in {clock.Elapsed.TotalSeconds:0.0} s");
            return ExitCodes.Success;
        }

        internal static SerialPortLink OpenPort(string portName)
        {
            try
            {
                return new SerialPortLink(portName, 115200);
            }
            catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException or ArgumentException)
            {
                throw new CliException(ExitCodes.DeviceError, $"Could not open port {portName}: {ex.Message}");
            }
        }
    }
}
