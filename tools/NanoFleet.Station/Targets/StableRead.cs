using System;
using NanoFleet.Station.Rom;

namespace NanoFleet.Station.Targets
{
    /// <summary>
    /// READ_REG carries no checksum, so line noise can change the address read or the value returned
    /// without either side noticing. Identity values (chip magic, MAC, revision) are therefore read
    /// until two consecutive reads agree.
    /// </summary>
    public static class StableRead
    {
        /// <summary>Reads at most this many times.</summary>
        public const int MaxReads = 5;

        /// <summary>Returns the first value read twice in a row.</summary>
        /// <exception cref="EspFatalException">No two consecutive reads agreed.</exception>
        public static T Of<T>(Func<T> read, string what)
            where T : IEquatable<T>
        {
            T previous = read();
            for (int i = 1; i < MaxReads; i++)
            {
                T current = read();
                if (current.Equals(previous))
                {
                    return current;
                }

                previous = current;
            }

            throw new EspFatalException($"Failed to read {what}: {MaxReads} reads gave different values (noisy line?)");
        }
    }
}
