using System;
using System.CommandLine;
using NanoFleet.Station.Partitions;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet partitions check partitions.csv`.</summary>
    internal static class PartitionsCheckCommand
    {
        public static Command Create()
        {
            var csv = new Argument<string>("csv") { Description = "The partition table CSV to check." };
            var settings = new PartitionOptions();
            var command = new Command("check",
                "Check partitions.csv against every gen_esp32part.py rule and print the resolved layout.\n" +
                "Exits 0 when it is valid, 2 with 'file:line:column: reason' when it is not.") { csv };
            settings.AddTo(command);
            command.SetAction(result =>
            {
                string path = result.GetValue(csv)!;
                var options = settings.Read(result);
                var table = PartitionTable.ParseCsv(OutputFiles.ReadText(path, "partition table"), path, options);
                Console.WriteLine($"{"Name",-16} {"Type",-6} {"SubType",-8} {"Offset",10} {"Size",10} {"End",10}  Flags");
                uint end = 0;
                foreach (var row in table.Rows)
                {
                    string[] fields = row.ToString().Split(',');
                    end = Math.Max(end, row.Offset + row.Size);
                    Console.WriteLine($"{row.Name,-16} {fields[1],-6} {fields[2],-8} {"0x" + row.Offset.ToString("x"),10} {"0x" + row.Size.ToString("x"),10} {"0x" + (row.Offset + row.Size).ToString("x"),10}  {fields[5]}");
                }

                string fits = options.FlashSize is uint flash ? $" of the {flash >> 20}MB flash" : "";
                Console.WriteLine($"{path}: OK, {table.Rows.Count} partitions, ending at 0x{end:x}{fits}");
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
