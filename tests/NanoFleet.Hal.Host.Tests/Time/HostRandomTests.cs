using NanoFleet.Hal.Host.Time;
using Xunit;

namespace NanoFleet.Hal.Host.Tests.Time
{
    public sealed class HostRandomTests
    {
        [Fact]
        public void Next_StaysInRangeAndCoversIt()
        {
            var random = new HostRandom();
            var seen = new bool[10];
            for (int i = 0; i < 1000; i++)
            {
                int value = random.Next(10);
                Assert.InRange(value, 0, 9);
                seen[value] = true;
            }

            Assert.All(seen, Assert.True);
        }

        [Fact]
        public void Next_SameSeedSameSequence()
        {
            var a = new HostRandom(42);
            var b = new HostRandom(42);

            for (int i = 0; i < 20; i++)
            {
                Assert.Equal(a.Next(1000), b.Next(1000));
            }
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-5)]
        public void Next_EmptyRange_Zero(int max) => Assert.Equal(0, new HostRandom().Next(max));
    }
}
