using System;
using NanoFleet.Station.Dashboard;
using Xunit;

namespace NanoFleet.Station.Dashboard.Tests
{
    public class ListenAddressTests
    {
        [Theory]
        [InlineData("127.0.0.1:8080", "127.0.0.1:8080", true)]
        [InlineData("localhost:9000", "127.0.0.1:9000", true)]
        [InlineData("[::1]:8080", "[::1]:8080", true)]
        [InlineData("127.0.0.1:0", "127.0.0.1:0", true)]
        [InlineData("0.0.0.0:8080", "0.0.0.0:8080", false)]
        [InlineData("192.168.1.20:80", "192.168.1.20:80", false)]
        [InlineData("[::]:8080", "[::]:8080", false)]
        public void Parse_HappyPath_KnowsLoopback(string text, string endPoint, bool loopback)
        {
            ListenAddress address = ListenAddress.Parse(text);

            Assert.Equal(endPoint, address.ToString());
            Assert.Equal(loopback, address.IsLoopback);
        }

        [Theory]
        [InlineData("")]
        [InlineData("127.0.0.1")]
        [InlineData("127.0.0.1:")]
        [InlineData("127.0.0.1:http")]
        [InlineData("127.0.0.1:70000")]
        [InlineData("127.0.0.1:-1")]
        [InlineData("station.local:8080")]
        [InlineData("::1")]
        [InlineData("fe80::1:8080")]
        public void Parse_BadInput_OneLineNamingOptionAndText(string text)
        {
            var ex = Assert.Throws<ArgumentException>(() => ListenAddress.Parse(text, "--dashboard"));

            Assert.StartsWith($"--dashboard {text}: expected IP:PORT", ex.Message);
            Assert.DoesNotContain('\n', ex.Message);
        }
    }
}
