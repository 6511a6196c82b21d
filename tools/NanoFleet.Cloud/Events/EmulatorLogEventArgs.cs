using System;
using System.Text;

namespace NanoFleet.Cloud.Events
{
    /// <summary>How much a log entry matters.</summary>
    public enum EmulatorLogLevel
    {
        /// <summary>Routine steps.</summary>
        Information,

        /// <summary>A refused connection, a rejected request.</summary>
        Warning,

        /// <summary>An unexpected failure inside the emulator.</summary>
        Error,
    }

    /// <summary>
    /// One structured log entry naming the step, the client and the certificate id. Entries never hold a
    /// private key or an ownership token: callers pass only ids and messages.
    /// </summary>
    public sealed class EmulatorLogEventArgs : EventArgs
    {
        internal EmulatorLogEventArgs(DateTimeOffset timestamp, EmulatorLogLevel level, string step, string? clientId, string? certificateId, string message)
        {
            Timestamp = timestamp;
            Level = level;
            Step = step;
            ClientId = clientId;
            CertificateId = certificateId;
            Message = message;
        }

        /// <summary>On the emulator's clock.</summary>
        public DateTimeOffset Timestamp { get; }

        /// <summary>Severity.</summary>
        public EmulatorLogLevel Level { get; }

        /// <summary>The step: connect, subscribe, publish, CreateKeysAndCertificate, RegisterThing, hook, revoke, expire…</summary>
        public string Step { get; }

        /// <summary>The MQTT client id, when the entry is about a connection.</summary>
        public string? ClientId { get; }

        /// <summary>The certificate id involved, if any.</summary>
        public string? CertificateId { get; }

        /// <summary>What happened.</summary>
        public string Message { get; }

        /// <summary>A logfmt line: `ts=… level=… step=… client=… cert=… msg="…"`.</summary>
        public override string ToString()
        {
            var line = new StringBuilder();
            line.Append("ts=").Append(Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"))
                .Append(" level=").Append(Level.ToString().ToLowerInvariant())
                .Append(" step=").Append(Step);
            if (ClientId is not null) line.Append(" client=").Append(Quote(ClientId));
            if (CertificateId is not null) line.Append(" cert=").Append(CertificateId);
            line.Append(" msg=").Append(Quote(Message));
            return line.ToString();
        }

        private static string Quote(string text) =>
            text.Length > 0 && text.AsSpan().IndexOfAny(" \"=") < 0 ? text : "\"" + text.Replace("\"", "\\\"") + "\"";
    }
}
