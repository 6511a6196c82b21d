namespace NanoFleet.Station.Simulator
{
    /// <summary>
    /// Faults the simulated ROM injects, each with a probability per request (0 = never). Seeded, so a
    /// failing test replays exactly.
    /// </summary>
    public sealed class SimulatorFaults
    {
        /// <summary>No faults.</summary>
        public static SimulatorFaults None => new();

        /// <summary>Flip one bit of a received request (the ROM then sees a bad checksum or message).</summary>
        public double LineNoise { get; init; }

        /// <summary>Lose one byte of a received request.</summary>
        public double DroppedBytes { get; init; }

        /// <summary>Swallow a request without replying, so the host times out.</summary>
        public double Timeouts { get; init; }

        /// <summary>Send random bytes outside any frame before a reply (noise on the return line).</summary>
        public double ReplyGarbage { get; init; }

        /// <summary>Vanish (close the port) after this many flash data bytes were received; -1 = never.</summary>
        public long UnplugAfterFlashBytes { get; init; } = -1;

        /// <summary>Program one bit wrongly at this flash address without reporting it; -1 = never.</summary>
        public int SilentCorruptionAddress { get; init; } = -1;

        /// <summary>Random seed.</summary>
        public int Seed { get; init; } = 1;
    }
}
