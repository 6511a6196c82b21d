using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace NanoFleet.EndToEnd.Tests.Support
{
    /// <summary>
    /// A long-running `nanofleet` verb (`cloud start`, `station simulate`) in a process of its own, as
    /// an operator runs it: it runs until a signal, so it cannot share the test's process (or its
    /// Console) the way the short verbs do. Started, it is read until the line that says it is ready.
    /// </summary>
    public sealed class CliProcess : IDisposable
    {
        private const int SigTerm = 15;
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
        private readonly Process _process;
        private readonly Regex _ready;
        private readonly StringBuilder _output = new StringBuilder();
        private readonly TaskCompletionSource<Match> _readyLine = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);

        private CliProcess(ProcessStartInfo start, Regex ready)
        {
            _ready = ready;
            _process = new Process { StartInfo = start, EnableRaisingEvents = true };
            _process.OutputDataReceived += OnLine;
            _process.ErrorDataReceived += OnLine;
            _process.Exited += (_, _) => _readyLine.TrySetException(new InvalidOperationException("it exited before it was ready"));
        }

        /// <summary>The line that said it was ready, matched.</summary>
        public Match ReadyLine => _readyLine.Task.Result;

        /// <summary>Everything it printed so far (stdout and stderr).</summary>
        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>Runs `nanofleet <paramref name="arguments"/>` and waits for a line matching <paramref name="ready"/>.</summary>
        /// <exception cref="InvalidOperationException">It exited or was not ready in time; the message holds its output.</exception>
        public static CliProcess Start(Regex ready, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nanofleet.dll"));
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var cli = new CliProcess(start, ready);
            cli._process.Start();
            cli._process.BeginOutputReadLine();
            cli._process.BeginErrorReadLine();
            bool isReady;
            try
            {
                isReady = cli._readyLine.Task.Wait(Patience);
            }
            catch (AggregateException)
            {
                isReady = false;
            }

            if (!isReady)
            {
                cli.Dispose();
                throw new InvalidOperationException($"`nanofleet {string.Join(' ', arguments)}` did not come up:\n" + cli.Output);
            }

            return cli;
        }

        /// <summary>Waits until it has printed <paramref name="text"/>; false when the deadline passed or it exited first.</summary>
        public bool WaitForOutput(string text)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                if (_process.HasExited || DateTime.UtcNow > deadline)
                {
                    return Output.Contains(text, StringComparison.Ordinal);
                }

                System.Threading.Thread.Sleep(50);
            }

            return true;
        }

        /// <summary>Whether it is still running.</summary>
        public bool IsRunning => !_process.HasExited;

        /// <summary>Sends SIGTERM, as a terminal's owner or a service manager stops it, and waits for the exit.</summary>
        public int Stop()
        {
            if (kill(_process.Id, SigTerm) != 0)
            {
                throw new InvalidOperationException("could not signal the process: errno " + Marshal.GetLastPInvokeError());
            }

            if (!_process.WaitForExit(Patience))
            {
                throw new TimeoutException("it ignored SIGTERM:\n" + Output);
            }

            _process.WaitForExit(); // drains the redirected output
            return _process.ExitCode;
        }

        /// <summary>Kills it with SIGKILL, as a crash or a power cut would: no handler runs, nothing is flushed or closed.</summary>
        public void Kill()
        {
            _process.Kill();
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(e.Data);
            }

            if (_ready.Match(e.Data) is { Success: true } match)
            {
                _readyLine.TrySetResult(match);
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int sig);
    }
}
