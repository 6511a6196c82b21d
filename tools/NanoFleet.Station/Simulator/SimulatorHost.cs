using System;
using System.Threading;
using NanoFleet.Station.Rom;

namespace NanoFleet.Station.Simulator
{
    /// <summary>
    /// A simulated ESP32 in download mode on its own pty pair and thread: what tests, benchmarks and
    /// `nanofleet station simulate --pty` start. The station opens <see cref="PortPath"/>.
    /// </summary>
    public sealed class SimulatorHost : IDisposable
    {
        private readonly PtyPair _pty;
        private readonly SerialPortLink _deviceEnd;
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;

        /// <summary>Creates the pty pair and starts serving.</summary>
        public SimulatorHost(IFlashMemory flash, SimulatedChip chip, SimulatorFaults? faults = null, bool throttle = true,
            string? ptyDirectory = null)
        {
            Flash = flash;
            Chip = chip;
            _pty = PtyPair.Create(ptyDirectory);
            try
            {
                _deviceEnd = new SerialPortLink(_pty.DevicePath, 115200);
            }
            catch
            {
                _pty.Dispose();
                throw;
            }

            Simulator = new RomSimulator(_deviceEnd, flash, chip, faults, throttle);
            _thread = new Thread(Serve) { IsBackground = true, Name = "rom-simulator " + _pty.DevicePath };
            _thread.Start();
        }

        /// <summary>The serial port path the station opens.</summary>
        public string PortPath => _pty.HostPath;

        /// <summary>The device end of the pty pair.</summary>
        public string DevicePath => _pty.DevicePath;

        /// <summary>The simulated chip's flash.</summary>
        public IFlashMemory Flash { get; }

        /// <summary>The simulated chip.</summary>
        public SimulatedChip Chip { get; }

        /// <summary>The ROM state machine (counters for tests).</summary>
        public RomSimulator Simulator { get; }

        /// <summary>Stops serving and removes the pty pair.</summary>
        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join(TimeSpan.FromSeconds(2));
            _deviceEnd.Dispose();
            _pty.Dispose();
            _stop.Dispose();
        }

        private void Serve() => Simulator.Run(_stop.Token);
    }
}
