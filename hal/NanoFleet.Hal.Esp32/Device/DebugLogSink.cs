using System.Diagnostics;

namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// Writes events to the debug output (Visual Studio's Output window, or the serial console of a
    /// device running a Release build with debug output enabled), one line each: "LEVEL Event: detail".
    /// </summary>
    public sealed class DebugLogSink : ILogSink
    {
        /// <inheritdoc />
        public void Log(LogLevel level, string eventName, string detail) =>
            Debug.WriteLine(LevelName(level) + " " + eventName + ": " + detail);

        /// <summary>The level as text (Enum.ToString() gives only the number on nanoFramework).</summary>
        public static string LevelName(LogLevel level)
        {
            switch (level)
            {
                case LogLevel.Debug: return "DEBUG";
                case LogLevel.Info: return "INFO";
                case LogLevel.Warning: return "WARN";
                case LogLevel.Error: return "ERROR";
                default: return "LEVEL" + (int)level;
            }
        }
    }
}
