using System;
using System.IO;
using System.Text.RegularExpressions;
using NanoFleet.IlCheck;
using Xunit;

namespace NanoFleet.NanoClr.Tests
{
    /// <summary>
    /// Which C# version keeps an assembly's native method table intact once our MetadataProcessor has
    /// converted it, shown on the genuine nanoCLR with nanoFramework.Runtime.Native, the one library
    /// with InternalCall methods whose native side the POSIX host has. Both sides are run, so the
    /// choice of C# 10 for the nano projects (tests/NanoProfile/Directory.Build.props) rests on what
    /// the runtime did, and the day upstream fixes the shift the second test says so.
    /// </summary>
    public sealed class NativeMethodTableTests : IDisposable
    {
        private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
        private static readonly Regex ProbeLine = new(@"native-call-probe: utc-ticks=(\d+) free-heap=(\d+)");
        private readonly string _folder = Directory.CreateTempSubdirectory("nanofleet-nativetable-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void LibraryBuiltWithCSharp10_CallsItsNativeMethods()
        {
            string runtimeNative = NanoToolchain.Library("nanoFramework.Runtime.Native");
            Assert.DoesNotContain(NanoProfileChecker.Check(runtimeNative, Array.Empty<string>()), v => v.Rule == "CompilerEmbeddedType");

            ProcessResult run = RunProbeWith(runtimeNative);

            Match probe = ProbeLine.Match(run.Output);
            Assert.True(probe.Success, "the probe never printed its line:\n" + run.Output);
            Assert.True(long.Parse(probe.Groups[1].Value) > DateTime.UnixEpoch.Ticks, "DateTime.UtcNow (mscorlib native) returned " + probe.Groups[1].Value);
            Assert.True(ulong.Parse(probe.Groups[2].Value) > 1024 * 1024, "GC.Run(false) (Runtime.Native) returned " + probe.Groups[2].Value + " free bytes");
        }

        [Fact]
        public void LibraryBuiltWithCSharp11_HasItsNativeTableShifted()
        {
            // The same generated project as the toolchain's, one property apart.
            string cs11 = Path.Combine(_folder, "cs11");
            NanoToolchain.Run("dotnet",
                $"build \"{NanoToolchain.GeneratedLibraryProject("nanoFramework.Runtime.Native")}\" -nologo -v quiet -p:LangVersion=11.0 " +
                $"-p:OutDir=\"{cs11}/\" -p:IntermediateOutputPath=\"{Path.Combine(_folder, "obj")}/\"", TimeSpan.FromMinutes(3))
                .ThrowUnlessSucceeded("building Runtime.Native with C# 11");
            string runtimeNative = Path.Combine(cs11, "nanoFramework.Runtime.Native.dll");
            Assert.Contains(NanoProfileChecker.Check(runtimeNative, Array.Empty<string>()), v => v.Rule == "CompilerEmbeddedType");

            ProcessResult run = RunProbeWith(runtimeNative);

            Assert.False(run.TimedOut, "the nanoCLR hung:\n" + run.Output);
            Assert.False(ProbeLine.IsMatch(run.Output), "the shifted table called the right native method after all:\n" + run.Output);
            Assert.NotEqual(0, run.ExitCode);
        }

        private ProcessResult RunProbeWith(string runtimeNativeDll)
        {
            string probeProject = Path.Combine(NanoToolchain.Root, "tests", "NanoProfile", "NanoFleet.NativeCallProbe.Nano");
            string probeOut = Path.Combine(_folder, "probe");
            NanoToolchain.Run("dotnet", $"build \"{probeProject}\" -c Release -nologo -v quiet -o \"{probeOut}\"", TimeSpan.FromMinutes(3))
                .ThrowUnlessSucceeded("building the probe");
            string peFolder = Directory.CreateDirectory(Path.Combine(_folder, "pe-" + Guid.NewGuid().ToString("N"))).FullName;
            string runtimeNativePe = NanoToolchain.ToPe(runtimeNativeDll, peFolder);
            string probePe = NanoToolchain.ToPe(Path.Combine(probeOut, "NanoFleet.NativeCallProbe.dll"), peFolder, runtimeNativeDll);
            return NanoToolchain.RunOnNanoClr(RunTimeout, NanoToolchain.MscorlibPe, runtimeNativePe, probePe);
        }
    }
}
