using System;
using System.CommandLine;
using System.Security.Cryptography;
using NanoFleet.Station.Partitions;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet partitions build partitions.csv -o table.bin`.</summary>
    internal static class PartitionsBuildCommand
    {
        public static Command Create()
        {
            var csv = new Argument<string>("csv") { Description = "The partition table CSV (Name, Type, SubType, Offset, Size, Flags)." };
            var output = new Option<string>("--output", "-o") { Description = "Where to write the 0xC00-byte binary table.", Required = true };
            var settings = new PartitionOptions();
            var command = new Command("build", "Convert partitions.csv to the binary table flashed at 0x8000.\nExample: nanofleet partitions build partitions.csv -o table.bin") { csv, output };
            settings.AddTo(command);
            command.SetAction(result =>
            {
                string path = result.GetValue(csv)!;
                var table = PartitionTable.ParseCsv(OutputFiles.ReadText(path, "partition table"), path, settings.Read(result));
                byte[] binary = table.ToBinary();
                string target = result.GetValue(output)!;
                OutputFiles.WriteAllBytes(target, binary);
                Console.WriteLine($"{target}: {table.Rows.Count} partitions, {binary.Length} bytes, MD5 of the file {Convert.ToHexStringLower(MD5.HashData(binary))}");
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
