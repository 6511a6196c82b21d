using Xunit;

namespace NanoFleet.Hal.Esp32.Tests
{
    public class MacAddressTextTests
    {
        [Fact]
        public void Format_SixBytes_HappyPath()
        {
            Assert.Equal("a4cf12003456", MacAddressText.Format(new byte[] { 0xA4, 0xCF, 0x12, 0x00, 0x34, 0x56 }));
            Assert.Equal("00ff0a0b0c0d", MacAddressText.Format(new byte[] { 0x00, 0xFF, 0x0A, 0x0B, 0x0C, 0x0D }));
        }

        [Fact]
        public void Format_BadParams()
        {
            Assert.Null(MacAddressText.Format(null));
            Assert.Null(MacAddressText.Format(new byte[5]));
            Assert.Null(MacAddressText.Format(new byte[8]));   // EUI-64 is not a station MAC
        }

        [Fact]
        public void LevelName_NamesEveryLevel()
        {
            Assert.Equal("DEBUG", ConsoleLogSink.LevelName(LogLevel.Debug));
            Assert.Equal("INFO", ConsoleLogSink.LevelName(LogLevel.Info));
            Assert.Equal("WARN", ConsoleLogSink.LevelName(LogLevel.Warning));
            Assert.Equal("ERROR", ConsoleLogSink.LevelName(LogLevel.Error));
            Assert.Equal("LEVEL9", ConsoleLogSink.LevelName((LogLevel)9));
        }
    }
}
