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
    /// `nanofleet cloud start --port 0` in a process of its own, as an operator runs it: it runs until
    /// a signal, so it cannot share the test's process (or its Console) the way the short verbs do.
    /// </summary>
    public sealed partial class CloudProcess : IDisposable
    {
        private const int SigTerm = 15;
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
        private readonly Process _process;
        private readonly StringBuilder _output = new StringBuilder();
        private readonly TaskCompletionSource<int> _listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        private CloudProcess(ProcessStartInfo start)
        {
            _process = new Process { StartInfo = start, EnableRaisingEvents = true };
            _process.OutputDataReceived += OnLine;
            _process.ErrorDataReceived += OnLine;
            _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("`cloud start` exited before listening"));
        }

        /// <summary>The MQTT port the emulator bound.</summary>
        public int Port => _listening.Task.Result;

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

        /// <summary>Starts the emulator on <paramref name="dataDirectory"/> and waits until it listens.</summary>
        /// <exception cref="InvalidOperationException">It exited or did not listen in time; the message holds its output.</exception>
        public static CloudProcess Start(string dataDirectory, params string[] options)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nanofleet.dll"));
            foreach (string a in new[] { "cloud", "start", "--data", dataDirectory, "--port", "0" })
            {
                start.ArgumentList.Add(a);
            }

            foreach (string a in options)
            {
                start.ArgumentList.Add(a);
            }

            var cloud = new CloudProcess(start);
            cloud._process.Start();
            cloud._process.BeginOutputReadLine();
            cloud._process.BeginErrorReadLine();
            bool listening;
            try
            {
                listening = cloud._listening.Task.Wait(Patience);
            }
            catch (AggregateException)
            {
                listening = false;
            }

            if (!listening)
            {
                cloud.Dispose();
                throw new InvalidOperationException("`cloud start` did not come up:\n" + cloud.Output);
            }

            return cloud;
        }

        /// <summary>Sends SIGTERM, as a service manager stops it, and waits for the exit.</summary>
        public int Stop()
        {
            if (kill(_process.Id, SigTerm) != 0)
            {
                throw new InvalidOperationException("could not signal `cloud start`: errno " + Marshal.GetLastPInvokeError());
            }

            if (!_process.WaitForExit(Patience))
            {
                throw new TimeoutException("`cloud start` ignored SIGTERM:\n" + Output);
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

            if (ListeningLine().Match(e.Data) is { Success: true } m)
            {
                _listening.TrySetResult(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        [GeneratedRegex(@"^nanofleet cloud: mqtts://[^ ]+:(\d+) ")]
        private static partial Regex ListeningLine();

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int sig);
    }
}
