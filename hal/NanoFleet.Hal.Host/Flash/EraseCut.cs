namespace NanoFleet.Hal.Host.Flash
{
    /// <summary>What a sector looks like after power fails in the middle of erasing it.</summary>
    public enum EraseCutShape
    {
        /// <summary>The erase had not changed anything yet: all old bytes.</summary>
        NothingErased = 0,
        /// <summary>The erase finished but the call never returned: all 0xFF.</summary>
        FullyErased,
        /// <summary>The first half reads 0xFF, the second half still holds the old bytes.</summary>
        FirstHalfErased,
        /// <summary>The second half reads 0xFF, the first half still holds the old bytes.</summary>
        SecondHalfErased,
        /// <summary>Each byte independently old or 0xFF, chosen by a seeded random generator.</summary>
        RandomMix,
    }

    /// <summary>A power cut injected into the <see cref="EraseIndex"/>-th sector erase after arming (1-based).</summary>
    /// <param name="EraseIndex">Which sector erase is cut, counting from 1 after arming.</param>
    /// <param name="Shape">What the cut sector holds afterwards.</param>
    /// <param name="Seed">Seed for <see cref="EraseCutShape.RandomMix"/>.</param>
    public sealed record EraseCut(long EraseIndex, EraseCutShape Shape, int Seed = 0);
}
