using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace NanoFleet.Station.Simulator
{
    /// <summary>
    /// A connected pair of pseudo-terminals made by socat: what the host opens as a serial port at one
    /// end, what the simulator serves at the other. Disposing stops socat, which unplugs both ends.
    /// </summary>
    public sealed class PtyPair : IDisposable
    {
        private readonly Process _socat;
        private readonly string? _ownedDirectory;

        private PtyPair(Process socat, string? ownedDirectory, string hostPath, string devicePath)
        {
            _socat = socat;
            _ownedDirectory = ownedDirectory;
            HostPath = hostPath;
            DevicePath = devicePath;
        }

        /// <summary>The end the station opens (what `--port` takes).</summary>
        public string HostPath { get; }

        /// <summary>The end the simulated ROM serves.</summary>
        public string DevicePath { get; }

        /// <summary>Starts socat and waits until both pty links exist.</summary>
        /// <param name="directory">Where to put the two links; a fresh temp directory when null.</param>
        /// <exception cref="InvalidOperationException">socat is missing or did not create the pair in time.</exception>
        public static PtyPair Create(string? directory = null)
        {
            string? owned = directory is null ? Directory.CreateTempSubdirectory("nanofleet-pty-").FullName : null;
            directory ??= owned!;
            Directory.CreateDirectory(directory);
            string host = Path.Combine(directory, "host");
            string device = Path.Combine(directory, "device");
            var start = new ProcessStartInfo("socat")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[] { "-b65536", $"pty,raw,echo=0,link={host}", $"pty,raw,echo=0,link={device}" })
            {
                start.ArgumentList.Add(arg);
            }

            Process socat;
            try
            {
                socat = Process.Start(start) ?? throw new InvalidOperationException("socat did not start.");
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException("socat is not installed (tools/setup.sh installs it): " + ex.Message, ex);
            }

            socat.ErrorDataReceived += (_, _) => { };
            socat.BeginErrorReadLine();
            var clock = Stopwatch.StartNew();
            while (!(File.Exists(host) && File.Exists(device)))
            {
                if (socat.HasExited || clock.Elapsed > TimeSpan.FromSeconds(10))
                {
                    if (!socat.HasExited)
                    {
                        socat.Kill();
                    }

                    throw new InvalidOperationException($"socat did not create the pty pair in {directory}.");
                }

                Thread.Sleep(10);
            }

            return new PtyPair(socat, owned, host, device);
        }

        /// <summary>Stops socat (both ends see the line drop) and removes the temp directory it made.</summary>
        public void Dispose()
        {
            try
            {
                if (!_socat.HasExited)
                {
                    _socat.Kill();
                    _socat.WaitForExit(2000);
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            _socat.Dispose();
            if (_ownedDirectory is not null)
            {
                try
                {
                    Directory.Delete(_ownedDirectory, recursive: true);
                }
                catch (IOException)
                {
                    // socat may still be removing its links; a stale temp directory is harmless.
                }
            }
        }
    }
}
