using System.Collections.Generic;
using NanoFleet.TestFramework.Host;
using Xunit;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>
    /// Runs every nanoFramework.TestFramework-style test in Nano/ (the same sources the nanoCLR test
    /// project compiles) as one xunit case each, named Class.Method.
    /// </summary>
    public class NanoTestCases
    {
        public static IEnumerable<object[]> Cases => NanoTestBridge.Cases(typeof(NanoTestCases).Assembly);

        [Theory]
        [MemberData(nameof(Cases))]
        public void Run(string test) => NanoTestBridge.Run(typeof(NanoTestCases).Assembly, test);

        /// <summary>On a device each test runs without an instance and [Setup] runs once per class: no state may live in fields.</summary>
        [Fact]
        public void TestClasses_HoldNoStateInFields() => Assert.Empty(NanoTestBridge.StatefulFields(typeof(NanoTestCases).Assembly));
    }
}
