using System;

namespace NanoFleet.Station.Operations
{
    /// <summary>Progress of one stage of a flash operation ("write factory", "verify factory").</summary>
    public sealed class FlashProgressEventArgs : EventArgs
    {
        /// <summary>Creates the args.</summary>
        public FlashProgressEventArgs(string stage, long done, long total)
        {
            Stage = stage;
            Done = done;
            Total = total;
        }

        /// <summary>What is happening, e.g. "write esp_secure_cert".</summary>
        public string Stage { get; }

        /// <summary>Units done so far (uncompressed bytes for a write).</summary>
        public long Done { get; }

        /// <summary>Units in the stage.</summary>
        public long Total { get; }
    }
}
