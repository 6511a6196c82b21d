using NanoFleet.Hal;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>
    /// A deterministic IRandomSource: returns the largest value allowed (maxExclusive - 1), or 0 when
    /// <see cref="Lowest"/> is set, so backoff tests can check the exact ceiling and floor.
    /// </summary>
    public sealed class SequenceRandom : IRandomSource
    {
        /// <summary>When true, <see cref="Next"/> returns 0.</summary>
        public bool Lowest { get; set; }

        /// <summary>The last maxExclusive asked for.</summary>
        public int LastMaxExclusive { get; private set; }

        /// <inheritdoc />
        public int Next(int maxExclusive)
        {
            LastMaxExclusive = maxExclusive;
            return Lowest || maxExclusive <= 0 ? 0 : maxExclusive - 1;
        }
    }
}
