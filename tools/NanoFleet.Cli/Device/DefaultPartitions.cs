using System.IO;
using NanoFleet.Station.Partitions;

namespace NanoFleet.Cli.Device
{
    /// <summary>
    /// The repository's partitions.csv, embedded at build time so `nanofleet demo` works from any
    /// directory. Commands that take `--partitions` read the given file instead.
    /// </summary>
    internal static class DefaultPartitions
    {
        /// <summary>Loads the given CSV, or the embedded one when <paramref name="path"/> is null.</summary>
        public static PartitionTable Load(string? path)
        {
            if (path is not null)
            {
                return PartitionTable.Load(path);
            }

            using var stream = typeof(DefaultPartitions).Assembly.GetManifestResourceStream("partitions.csv")
                ?? throw new FileNotFoundException("the built-in partitions.csv is missing from nanofleet; pass --partitions");
            using var reader = new StreamReader(stream);
            return PartitionTable.ParseCsv(reader.ReadToEnd(), "partitions.csv (built in)");
        }
    }
}
