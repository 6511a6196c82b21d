using System;
using System.IO;
using NanoFleet.Hal.Host.Logging;
using NanoFleet.Hal.Host.Tests.Support;
using Xunit;

namespace NanoFleet.Hal.Host.Tests.Logging
{
    public sealed class TextLogSinkTests
    {
        private static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 26, 7, 1, 2, 123, TimeSpan.Zero);

        [Fact]
        public void Log_WritesTimestampLevelSourceEventAndDetail()
        {
            var output = new StringWriter();
            var sink = new TextLogSink(output, "dev-01", LogLevel.Debug, new SteppedTimeProvider(At));

            sink.Log(LogLevel.Warning, "RegisterThingRejected", "403 AccessDenied; retrying in 2 s");
            sink.Log(LogLevel.Info, "Operational", "");

            Assert.Equal(
                "2026-11-26T07:01:02.123Z WARN  dev-01 RegisterThingRejected: 403 AccessDenied; retrying in 2 s" + Environment.NewLine +
                "2026-11-26T07:01:02.123Z INFO  dev-01 Operational" + Environment.NewLine,
                output.ToString());
        }

        [Fact]
        public void Log_BelowMinimum_Dropped()
        {
            var output = new StringWriter();
            var sink = new TextLogSink(output, "", LogLevel.Info, new SteppedTimeProvider(At));

            sink.Log(LogLevel.Debug, "Tick", "x");
            sink.Log(LogLevel.Error, "FlashWriteFailed", "slot B");

            Assert.Equal("2026-11-26T07:01:02.123Z ERROR FlashWriteFailed: slot B" + Environment.NewLine, output.ToString());
        }
    }
}
