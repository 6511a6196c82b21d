using System;

namespace NanoFleet.Station.Batch
{
    /// <summary>Progress on one port: a stage ("connect", "write factory") and its units done.</summary>
    public sealed class PortProgressEventArgs : EventArgs
    {
        /// <summary>Creates the args.</summary>
        public PortProgressEventArgs(string port, string stage, long done, long total)
        {
            Port = port;
            Stage = stage;
            Done = done;
            Total = total;
        }

        /// <summary>The port.</summary>
        public string Port { get; }

        /// <summary>What is happening.</summary>
        public string Stage { get; }

        /// <summary>Units done.</summary>
        public long Done { get; }

        /// <summary>Units in the stage (0 when not measurable).</summary>
        public long Total { get; }
    }
}
