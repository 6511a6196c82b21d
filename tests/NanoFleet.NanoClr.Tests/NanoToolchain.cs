using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace NanoFleet.NanoClr.Tests
{
    /// <summary>
    /// The toolchain tools/nanoframework/build.sh leaves in out/nanoframework (same layout as its
    /// paths.sh): the nanoCLR, the MetadataProcessor, the real libraries, mscorlib.
    /// </summary>
    internal static class NanoToolchain
    {
        public static string Root { get; } = FindRoot();
        public static string Out => Path.Combine(Root, "out", "nanoframework");
        public static string Clr => Require(Path.Combine(Out, "clr-build", "bin", "nanoFramework.nanoCLR.test"));
        public static string Library(string assembly) => Require(Path.Combine(Out, "lib", assembly + ".dll"));
        public static string GeneratedLibraryProject(string assembly) => Require(Path.Combine(Out, "lib.build", assembly, assembly + ".csproj"));

        /// <summary>CoreLibrary 1.17.11's mscorlib.pe, beside the mscorlib.dll the nano projects compile against.</summary>
        public static string MscorlibPe => Require(Path.Combine(CoreLibrary, "mscorlib.pe"));
        public static string MscorlibDll => Require(Path.Combine(CoreLibrary, "mscorlib.dll"));

        private static string CoreLibrary => Path.Combine(NuGetPackages(), "nanoframework.corelibrary", "1.17.11", "lib");

        /// <summary>Converts <paramref name="dll"/> to a .pe in <paramref name="folder"/>; hints name the assemblies it references.</summary>
        public static string ToPe(string dll, string folder, params string[] referencedDlls)
        {
            string pe = Path.Combine(folder, Path.GetFileNameWithoutExtension(dll) + ".pe");
            var args = new StringBuilder($"\"{Require(Path.Combine(Out, "mdp", "nanofleet-mdp.dll"))}\" --hint \"mscorlib={MscorlibDll}\"");
            foreach (string reference in referencedDlls)
            {
                args.Append($" --hint \"{Path.GetFileNameWithoutExtension(reference)}={reference}\"");
            }
            args.Append($" \"{dll}\" \"{pe}\"");
            Run("dotnet", args.ToString(), TimeSpan.FromMinutes(2)).ThrowUnlessSucceeded("converting " + dll);
            return pe;
        }

        /// <summary>Runs .pe files (mscorlib first) on the nanoCLR; a run still going after the timeout is killed.</summary>
        public static ProcessResult RunOnNanoClr(TimeSpan timeout, params string[] pes)
        {
            var args = new StringBuilder();
            foreach (string pe in pes) args.Append($" \"{pe}\"");
            return Run(Clr, args.ToString(), timeout);
        }

        public static ProcessResult Run(string file, string arguments, TimeSpan timeout)
        {
            var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
            using var process = Process.Start(info)!;
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            bool exited = process.WaitForExit(timeout);
            if (!exited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessResult(exited ? process.ExitCode : -1, !exited, output.ToString());
        }

        private static string Require(string path)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"nanoFramework toolchain output missing: {path} (run tools/nanoframework/build.sh)");
            }
            return path;
        }

        private static string NuGetPackages() =>
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "nf.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException("No nf.sln above " + AppContext.BaseDirectory);
        }
    }

    internal sealed record ProcessResult(int ExitCode, bool TimedOut, string Output)
    {
        public void ThrowUnlessSucceeded(string what)
        {
            if (ExitCode != 0) throw new InvalidOperationException($"{what} failed (exit {ExitCode}):\n{Output}");
        }
    }
}
