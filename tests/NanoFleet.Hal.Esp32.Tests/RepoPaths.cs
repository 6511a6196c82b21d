using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace NanoFleet.Hal.Esp32.Tests
{
    /// <summary>Locates the repository and the nano-profile build outputs from the test assembly.</summary>
    internal static class RepoPaths
    {
        public static string Root { get; } = FindRoot();

        public static string Combine(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

        /// <summary>A nano-profile assembly built by tests/NanoProfile/&lt;project&gt; in this test run's configuration.</summary>
        public static string NanoAssembly(string project, string assemblyFile)
        {
            string path = Combine("tests/NanoProfile/" + project + "/" + Metadata("NanoProfileOutput") + "/" + assemblyFile);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("Nano-profile build output missing: " + path + ". NanoFleet.Hal.Esp32.Nano and NanoFleet.Firmware.Nano"
                    + " need the nanoFramework toolchain: tools/nanoframework/build-libraries.sh out/nanoframework/src out/nanoframework/lib,"
                    + " then dotnet build tests/NanoProfile/NanoFleet.Firmware.Nano -c Release (tools/test.sh does both).");
            }

            return path;
        }

        private static string Metadata(string key) =>
            typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "nf.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("No nf.sln above " + AppContext.BaseDirectory);
        }
    }
}
