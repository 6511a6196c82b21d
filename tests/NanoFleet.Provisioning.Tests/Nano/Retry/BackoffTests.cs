using nanoFramework.TestFramework;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>Exponential backoff with full jitter: ceilings double up to the cap; delays stay in [0, ceiling].</summary>
    [TestClass]
    public class BackoffTests
    {
        [TestMethod]
        public void Ceiling_DoublesFromBaseAndStopsAtCap()
        {
            Assert.AreEqual(500, Backoff.Ceiling(1, 500, 5000));
            Assert.AreEqual(1000, Backoff.Ceiling(2, 500, 5000));
            Assert.AreEqual(4000, Backoff.Ceiling(4, 500, 5000));
            Assert.AreEqual(5000, Backoff.Ceiling(5, 500, 5000));
            Assert.AreEqual(5000, Backoff.Ceiling(1000, 500, 5000));
        }

        [TestMethod]
        public void Ceiling_LargeCapDoesNotOverflow()
        {
            Assert.AreEqual(int.MaxValue, Backoff.Ceiling(80, 1000, int.MaxValue));
        }

        [TestMethod]
        public void FullJitter_SpansZeroToCeiling()
        {
            var random = new SequenceRandom();
            Assert.AreEqual(2000, Backoff.FullJitter(3, 500, 5000, random));
            Assert.AreEqual(2001, random.LastMaxExclusive);
            random.Lowest = true;
            Assert.AreEqual(0, Backoff.FullJitter(3, 500, 5000, random));
        }

        [TestMethod]
        public void Long_SpansHalfToLimit()
        {
            var random = new SequenceRandom();
            Assert.AreEqual(1001, Backoff.Long(1001, random));
            random.Lowest = true;
            Assert.AreEqual(500, Backoff.Long(1001, random));
        }
    }
}
