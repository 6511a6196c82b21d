using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace NanoFleet.Station.Tests.Batch
{
    /// <summary>The real `nanofleet` CLI as a child process, its output kept for failure messages.</summary>
    internal sealed class NanofleetProcess : IDisposable
    {
        private readonly ConcurrentQueue<string> _output = new();

        private NanofleetProcess(Process process)
        {
            Process = process;
        }

        // Built by the test project's ProjectReference to the CLI, in the same configuration as the tests.
        public static string Dll
        {
            get
            {
                string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
                string dll = Path.Combine(RepoFiles.Root, "tools", "NanoFleet.Cli", "bin", configuration, "net10.0", "nanofleet.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException("nanofleet.dll is not built", dll);
            }
        }

        public Process Process { get; }

        public string Output => string.Join("\n", _output);

        /// <summary>Starts `nanofleet ARGS`, with extra environment variables (e.g. PGPASSWORD).</summary>
        public static NanofleetProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Dll);
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            var child = new NanofleetProcess(Process.Start(start)!);
            child.Process.OutputDataReceived += (_, e) => child.Log(e.Data);
            child.Process.ErrorDataReceived += (_, e) => child.Log(e.Data);
            child.Process.BeginOutputReadLine();
            child.Process.BeginErrorReadLine();
            return child;
        }

        /// <summary>Waits for exit (generously: the CI machine is loaded) and returns the exit code.</summary>
        public int Wait()
        {
            if (!Process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                Process.Kill(entireProcessTree: true);
                throw new TimeoutException("nanofleet did not finish in 3 minutes; output:\n" + Output);
            }

            Process.WaitForExit(); // drains the redirected output
            return Process.ExitCode;
        }

        public void Dispose() => Process.Dispose();

        private void Log(string? line)
        {
            if (line is not null)
            {
                _output.Enqueue(line);
            }
        }
    }
}
