using System;
using NanoFleet.Hal.Host.Tests.Support;
using NanoFleet.Hal.Host.Time;
using Xunit;

namespace NanoFleet.Hal.Host.Tests.Time
{
    public sealed class HostClockTests
    {
        [Fact]
        public void MonotonicMilliseconds_StartsAtZeroAndFollowsTheProvider()
        {
            var time = new SteppedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
            var clock = new HostClock(time);

            Assert.Equal(0, clock.MonotonicMilliseconds);
            time.Advance(TimeSpan.FromMilliseconds(1500));
            Assert.Equal(1500, clock.MonotonicMilliseconds);
        }

        [Fact]
        public void MonotonicMilliseconds_IgnoresWallClockJumps()
        {
            var time = new SteppedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
            var clock = new HostClock(time);
            time.Advance(TimeSpan.FromSeconds(2));

            time.SetWallClock(DateTimeOffset.FromUnixTimeSeconds(1_600_000_000));

            Assert.Equal(2000, clock.MonotonicMilliseconds);
            Assert.Equal(1_600_000_000, clock.UtcUnixSeconds);
        }

        [Fact]
        public void SystemClock_MovesForward()
        {
            var clock = new HostClock();
            long first = clock.MonotonicMilliseconds;
            System.Threading.Thread.Sleep(20);

            Assert.True(clock.MonotonicMilliseconds >= first + 15);
            Assert.InRange(clock.UtcUnixSeconds, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        }
    }
}
