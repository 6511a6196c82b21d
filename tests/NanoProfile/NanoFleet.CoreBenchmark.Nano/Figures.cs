namespace NanoFleet.CoreBenchmark
{
    /// <summary>Formats figures with integer arithmetic: the same text on the nanoCLR as anywhere.</summary>
    internal static class Figures
    {
        /// <summary>"0.781 ms" for 781 µs.</summary>
        public static string Milliseconds(long microseconds) => Fixed(microseconds, 1000, 3) + " ms";

        /// <summary>"2.79x" for <paramref name="numerator"/> / <paramref name="denominator"/>.</summary>
        public static string Ratio(long numerator, long denominator) => Fixed(numerator * 100 / denominator, 100, 2) + "x";

        /// <summary>True when <paramref name="numerator"/> / <paramref name="denominator"/> is at least <paramref name="target"/>.</summary>
        public static bool AtLeast(long numerator, long denominator, int target) => numerator >= denominator * target;

        private static string Fixed(long value, long scale, int decimals)
        {
            string fraction = (value % scale).ToString();
            while (fraction.Length < decimals)
            {
                fraction = "0" + fraction;
            }

            return (value / scale).ToString() + "." + fraction;
        }
    }
}
