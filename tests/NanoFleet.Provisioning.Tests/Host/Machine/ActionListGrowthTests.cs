using System;
using NanoFleet.Hal;
using Xunit;

namespace NanoFleet.Provisioning.Tests.Machine
{
    /// <summary>
    /// ActionList growth uses the internal Add, which the nano test assembly (NFUnitTest) cannot see,
    /// so it is tested here on the host only.
    /// </summary>
    public class ActionListGrowthTests
    {
        [Fact]
        public void Add_GrowsPastItsInitialCapacityKeepingOrder()
        {
            var list = new ActionList();
            for (int i = 0; i < 20; i++)
            {
                list.AddLog(LogLevel.Info, "E" + i, "");
            }

            Assert.Equal(20, list.Count);
            for (int i = 0; i < 20; i++)
            {
                Assert.Equal("E" + i, list[i].Text);
            }

            Assert.Throws<ArgumentOutOfRangeException>(() => list[20]);
            list.Clear();
            Assert.Equal(0, list.Count);
        }
    }
}
