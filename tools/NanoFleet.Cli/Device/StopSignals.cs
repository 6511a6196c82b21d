using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace NanoFleet.Cli.Device
{
    /// <summary>Turns Ctrl-C (SIGINT) and SIGTERM into a cancellation, so long-running verbs stop cleanly.</summary>
    internal sealed class StopSignals : IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly PosixSignalRegistration _interrupt;
        private readonly PosixSignalRegistration _terminate;

        public StopSignals()
        {
            _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        }

        /// <summary>Cancelled by the first signal.</summary>
        public CancellationToken Token => _stop.Token;

        public void Dispose()
        {
            _interrupt.Dispose();
            _terminate.Dispose();
            _stop.Dispose();
        }

        private void OnSignal(PosixSignalContext context)
        {
            // Keep the process alive: the verb unwinds, disconnects and returns its exit code.
            context.Cancel = true;
            _stop.Cancel();
        }
    }
}
