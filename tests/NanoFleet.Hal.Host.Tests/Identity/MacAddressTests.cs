using System;
using NanoFleet.Hal.Host.Identity;
using Xunit;

namespace NanoFleet.Hal.Host.Tests.Identity
{
    public sealed class MacAddressTests
    {
        [Theory]
        [InlineData("a4:cf:12:00:34:56")]
        [InlineData("A4-CF-12-00-34-56")]
        [InlineData("A4CF12003456")]
        public void TryNormalize_AcceptedForms_HappyPath(string text)
        {
            Assert.True(MacAddress.TryNormalize(text, out string mac));
            Assert.Equal("a4cf12003456", mac);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("a4:cf:12:00:34")]
        [InlineData("a4:cf:12:00:34:5g")]
        [InlineData("a4:cf:12:00:34:56:78")]
        public void TryNormalize_BadParams(string? text)
        {
            Assert.False(MacAddress.TryNormalize(text, out string mac));
            Assert.Equal("", mac);
        }

        [Fact]
        public void Bytes_RoundTrip()
        {
            byte[] bytes = MacAddress.ToBytes("a4cf12003456");

            Assert.Equal(new byte[] { 0xA4, 0xCF, 0x12, 0x00, 0x34, 0x56 }, bytes);
            Assert.Equal("a4cf12003456", MacAddress.FromBytes(bytes, 0));
            Assert.Equal("a4:cf:12:00:34:56", MacAddress.ToDisplay("a4cf12003456"));
        }

        [Fact]
        public void FixedDeviceIdentity_BadMac_NamesTheInput()
        {
            var ex = Assert.Throws<ArgumentException>(() => new FixedDeviceIdentity("zz"));
            Assert.Contains("'zz'", ex.Message);
            Assert.Equal("a4cf12003456", new FixedDeviceIdentity("A4:CF:12:00:34:56").MacAddress);
        }
    }
}
