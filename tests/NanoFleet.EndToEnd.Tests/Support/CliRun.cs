using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Support
{
    /// <summary>What a short `nanofleet` run left: its exit code and its two output streams, kept apart.</summary>
    public sealed record CliResult(int Code, string Out, string Err)
    {
        /// <summary>
        /// Asserts the contract for an operator mistake: exit <paramref name="code"/>, and on stderr exactly one
        /// line, "nanofleet: …", naming each of <paramref name="names"/> (the bad input), without a stack trace.
        /// </summary>
        public void AssertOneLineError(int code, params string[] names)
        {
            Assert.True(Code == code, $"exit {Code}, expected {code}\nstdout: {Out}\nstderr: {Err}");
            string[] lines = Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1, $"expected one line on stderr, got {lines.Length}:\n{Err}");
            Assert.StartsWith("nanofleet: ", lines[0]);
            foreach (string name in names)
            {
                Assert.Contains(name, lines[0]);
            }
        }
    }

    /// <summary>
    /// A short `nanofleet` verb in a process of its own, as an operator runs it from a shell (the long-running
    /// ones are <see cref="CliProcess"/>). Each run has a deadline, so a hang fails the test instead of stalling it.
    /// </summary>
    public static class CliRun
    {
        private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

        /// <summary>Runs `nanofleet <paramref name="args"/>` and waits for it to exit.</summary>
        public static CliResult Run(params string[] args) => Start(asFileOwner: false, args);

        /// <summary>
        /// Runs it so that file permissions bind: as root (CI containers) it drops the capabilities that let root write
        /// into a read-only directory, so a read-only data directory is read-only to it, as to any other operator.
        /// </summary>
        public static CliResult RunAsFileOwner(params string[] args) => Start(asFileOwner: true, args);

        private static CliResult Start(bool asFileOwner, string[] args)
        {
            bool dropCapabilities = asFileOwner && Environment.UserName == "root";
            var start = new ProcessStartInfo(dropCapabilities ? "setpriv" : "dotnet")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            if (dropCapabilities)
            {
                foreach (string a in new[] { "--bounding-set", "-dac_override,-dac_read_search", "dotnet" })
                {
                    start.ArgumentList.Add(a);
                }
            }

            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nanofleet.dll"));
            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Deadline))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`nanofleet {string.Join(' ', args)}` did not exit within {Deadline.TotalSeconds} s");
            }

            process.WaitForExit(); // drains the redirected output
            return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
        }

        /// <summary>Every file under <paramref name="directory"/> with its content hash: equal snapshots mean nothing changed.
        /// A running emulator's emulator.lock is listed by name only: reading it would contend for its lock.</summary>
        public static string Snapshot(string directory) => !Directory.Exists(directory) ? "(none)" : string.Join("\n",
            Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => Path.GetRelativePath(directory, f) + (Path.GetFileName(f) == "emulator.lock" ? "" :
                    " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))));
    }
}
