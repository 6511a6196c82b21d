using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace NanoFleet.ControlPlane.Tests.Support
{
    /// <summary>What an AWS client process printed and how it ended.</summary>
    public sealed record ClientResult(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
    }

    /// <summary>Runs an AWS client (the AWS CLI, node with the JS SDK) as a process, with a generous deadline for a loaded machine.</summary>
    public static class ClientProcess
    {
        private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

        /// <summary>Fails with a message saying to run tools/setup.sh when <paramref name="path"/> is missing; never skips.</summary>
        public static void Require(string path, string what)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new InvalidOperationException($"{what} is missing ({path}): run tools/setup.sh (as root) to install it");
            }
        }

        public static async Task<ClientResult> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? string.Empty };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(Deadline);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within {Deadline}");
            }

            return new ClientResult(process.ExitCode, await stdout, await stderr);
        }
    }
}
