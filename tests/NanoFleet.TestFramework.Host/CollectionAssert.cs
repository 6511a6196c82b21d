using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Host copy of nanoFramework.TestFramework's CollectionAssert (arrays only, no generics).</summary>
    public static class CollectionAssert
    {
        /// <summary>Fails unless the array is empty.</summary>
        public static void Empty(Array collection, string message = "")
        {
            if (collection is null || collection.Length != 0) Assert.Fail($"CollectionAssert.Empty failed. {message}");
        }

        /// <summary>Fails if the array is empty.</summary>
        public static void NotEmpty(Array collection, string message = "")
        {
            if (collection is null || collection.Length == 0) Assert.Fail($"CollectionAssert.NotEmpty failed. {message}");
        }

        /// <summary>Fails unless both arrays hold equal elements in the same order.</summary>
        public static void AreEqual(Array expected, Array actual, string message = "")
        {
            int at = FirstDifference(expected, actual);
            if (at >= 0) Assert.Fail($"CollectionAssert.AreEqual failed at index {at}. {message}");
        }

        /// <summary>Fails if both arrays hold equal elements in the same order.</summary>
        public static void AreNotEqual(Array notExpected, Array actual, string message = "")
        {
            if (FirstDifference(notExpected, actual) < 0) Assert.Fail($"CollectionAssert.AreNotEqual failed. {message}");
        }

        // Returns -1 when equal, else the first differing index (or the shorter length).
        private static int FirstDifference(Array a, Array b)
        {
            if (a is null || b is null) return ReferenceEquals(a, b) ? -1 : 0;
            int n = Math.Min(a.Length, b.Length);
            for (int i = 0; i < n; i++)
            {
                if (!Equals(a.GetValue(i), b.GetValue(i))) return i;
            }

            return a.Length == b.Length ? -1 : n;
        }
    }
}
