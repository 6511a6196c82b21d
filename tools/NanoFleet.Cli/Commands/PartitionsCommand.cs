using System.CommandLine;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet partitions`: the ESP32 partition table, byte-compatible with ESP-IDF's gen_esp32part.py.</summary>
    public static class PartitionsCommand
    {
        /// <summary>Builds the verb group.</summary>
        public static Command Create() => new("partitions",
            "Build, check and show ESP32 partition tables. The binary is byte-identical to ESP-IDF's\n" +
            "gen_esp32part.py output and is flashed at 0x8000; errors name the line and column.")
        {
            PartitionsBuildCommand.Create(),
            PartitionsCheckCommand.Create(),
            PartitionsShowCommand.Create(),
        };
    }
}
