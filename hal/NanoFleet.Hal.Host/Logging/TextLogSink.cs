using System;
using System.IO;

namespace NanoFleet.Hal.Host.Logging
{
    /// <summary>
    /// Prints the core's structured events one per line, readable and timestamped:
    /// <c>2026-11-26T07:01:02.123Z INFO  dev-01 ThingRegistered: sensor-0001</c>.
    /// </summary>
    /// <remarks>The core guarantees that details never carry keys or tokens, so they are printed as given.</remarks>
    public sealed class TextLogSink : ILogSink
    {
        private readonly TextWriter _writer;
        private readonly string _source;
        private readonly LogLevel _minimum;
        private readonly TimeProvider _time;
        private readonly object _gate = new object();

        /// <summary>Creates the sink.</summary>
        /// <param name="writer">Where lines go (e.g. Console.Out); writes are serialised.</param>
        /// <param name="source">Names the device on every line (e.g. "dev-01"); may be empty.</param>
        /// <param name="minimum">Events below this level are dropped.</param>
        /// <param name="time">Time for the stamps; the system clock when null.</param>
        public TextLogSink(TextWriter writer, string source = "", LogLevel minimum = LogLevel.Info, TimeProvider? time = null)
        {
            _writer = writer ?? throw new ArgumentNullException(nameof(writer));
            _source = source ?? "";
            _minimum = minimum;
            _time = time ?? TimeProvider.System;
        }

        /// <inheritdoc />
        public void Log(LogLevel level, string eventName, string detail)
        {
            if (level < _minimum)
            {
                return;
            }

            string line = Format(_time.GetUtcNow(), level, _source, eventName, detail);
            lock (_gate)
            {
                _writer.WriteLine(line);
                _writer.Flush();
            }
        }

        /// <summary>Formats one line; public so other sinks print the same way.</summary>
        public static string Format(DateTimeOffset at, LogLevel level, string source, string eventName, string detail)
        {
            string stamp = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            string head = source.Length == 0 ? stamp + " " + LevelTag(level) : stamp + " " + LevelTag(level) + " " + source;
            return string.IsNullOrEmpty(detail) ? head + " " + eventName : head + " " + eventName + ": " + detail;
        }

        private static string LevelTag(LogLevel level) => level switch
        {
            LogLevel.Debug => "DEBUG",
            LogLevel.Info => "INFO ",
            LogLevel.Warning => "WARN ",
            LogLevel.Error => "ERROR",
            _ => "?    ",
        };
    }
}
