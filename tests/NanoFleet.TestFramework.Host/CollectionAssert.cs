using System.Collections;

namespace nanoFramework.TestFramework
{
    /// <summary>Host copy of nanoFramework.TestFramework 3.0.77's CollectionAssert (non-generic ICollection, as upstream).</summary>
    public sealed class CollectionAssert
    {
        /// <summary>Fails unless the collection is empty.</summary>
        public static void Empty(ICollection collection, string message = "")
        {
            Assert.EnsureParameterIsNotNull(collection, "CollectionAssert.Empty");
            if (collection.Count != 0) Assert.HandleFail("CollectionAssert.Empty", message);
        }

        /// <summary>Fails if the collection is empty.</summary>
        public static void NotEmpty(ICollection collection, string message = "")
        {
            Assert.EnsureParameterIsNotNull(collection, "CollectionAssert.NotEmpty");
            if (collection.Count == 0) Assert.HandleFail("CollectionAssert.NotEmpty", message);
        }

        /// <summary>Fails unless both collections hold equal elements in the same order.</summary>
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            string reason = "";
            if (!AreCollectionsEqual(expected, actual, ref reason)) Assert.HandleFail("CollectionAssert.AreEqual", $"{message}({reason})");
        }

        /// <summary>Fails if both collections hold equal elements in the same order.</summary>
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            string reason = "";
            if (AreCollectionsEqual(notExpected, actual, ref reason)) Assert.HandleFail("CollectionAssert.AreNotEqual", $"{message}({reason})");
        }

        private static bool AreCollectionsEqual(ICollection? expected, ICollection? actual, ref string reason)
        {
            if (ReferenceEquals(expected, actual)) return true;
            if (expected == null || actual == null) return false;
            if (expected.Count != actual.Count)
            {
                reason = "Different number of elements.";
                return false;
            }

            IEnumerator e = expected.GetEnumerator();
            IEnumerator a = actual.GetEnumerator();
            for (int i = 0; e.MoveNext() && a.MoveNext(); i++)
            {
                if (!Equals(e.Current, a.Current))
                {
                    reason = $"Element at index {i} do not match. Expected:<{e.Current}>. Actual:<{a.Current}>.";
                    return false;
                }
            }

            return true;
        }
    }
}
