using System;
using System.IO;

namespace NanoFleet.Station.Tests
{
    /// <summary>Finds files of the repository the tests run from (partitions.csv at the root).</summary>
    internal static class RepoFiles
    {
        public static string Root
        {
            get
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "partitions.csv")) && File.Exists(Path.Combine(dir.FullName, "nf.sln")))
                    {
                        return dir.FullName;
                    }
                }

                throw new InvalidOperationException("Cannot find the repository root (partitions.csv next to nf.sln) above " + AppContext.BaseDirectory);
            }
        }

        public static string PartitionsCsv => Path.Combine(Root, "partitions.csv");
    }
}
