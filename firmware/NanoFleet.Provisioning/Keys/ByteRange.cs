namespace NanoFleet.Provisioning.Keys
{
    /// <summary>Comparison of byte ranges of (possibly different) buffers.</summary>
    internal static class ByteRange
    {
        /// <summary>True when the two ranges hold the same bytes.</summary>
        public static bool Equal(byte[] a, int aOffset, int aCount, byte[] b, int bOffset, int bCount)
        {
            if (aCount != bCount)
            {
                return false;
            }

            for (int i = 0; i < aCount; i++)
            {
                if (a[aOffset + i] != b[bOffset + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
