using System;
using NanoFleet.Cloud.Events;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>Raises <see cref="EmulatorLogEventArgs"/>; does nothing when nobody listens.</summary>
    internal sealed class EmulatorLog
    {
        private readonly TimeProvider _clock;

        public EmulatorLog(TimeProvider clock)
        {
            _clock = clock;
        }

        public event EventHandler<EmulatorLogEventArgs>? Written;

        public void Info(string step, string? clientId, string? certificateId, string message) =>
            Write(EmulatorLogLevel.Information, step, clientId, certificateId, message);

        public void Warn(string step, string? clientId, string? certificateId, string message) =>
            Write(EmulatorLogLevel.Warning, step, clientId, certificateId, message);

        public void Error(string step, string? clientId, string? certificateId, string message) =>
            Write(EmulatorLogLevel.Error, step, clientId, certificateId, message);

        private void Write(EmulatorLogLevel level, string step, string? clientId, string? certificateId, string message) =>
            Written?.Invoke(this, new EmulatorLogEventArgs(_clock.GetUtcNow(), level, step, clientId, certificateId, message));
    }
}
