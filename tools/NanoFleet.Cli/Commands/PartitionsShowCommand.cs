using System;
using System.CommandLine;
using NanoFleet.Station.Partitions;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet partitions show table.bin`.</summary>
    internal static class PartitionsShowCommand
    {
        public static Command Create()
        {
            var bin = new Argument<string>("table") { Description = "A binary partition table (0xC00 bytes, or the whole 0x1000 sector read back from 0x8000)." };
            var command = new Command("show",
                "Print a binary partition table as gen_esp32part.py's CSV, after checking its MD5 row.\n" +
                "Exits 1 when the MD5 does not match (a damaged table), 2 when it is not a partition table.") { bin };
            command.SetAction(result =>
            {
                string path = result.GetValue(bin)!;
                PartitionTable table;
                try
                {
                    table = PartitionTable.FromBinary(OutputFiles.ReadBytes(path, "partition table"), path, new PartitionTableOptions { FlashSize = null });
                }
                catch (PartitionTableException ex) when (ex.IsChecksumMismatch)
                {
                    throw new CliException(ExitCodes.Failure, ex.Message);
                }

                Console.Write(table.ToCsv());
                if (!table.HasMd5) Console.Error.WriteLine($"nanofleet: note: {path} has no MD5 row (built with --disable-md5sum)");
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
