using System;

namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// Writes events to the serial console (and Visual Studio's Output window while debugging), one
    /// line each: "LEVEL Event: detail". Console.WriteLine, not Debug.WriteLine: the latter is
    /// [Conditional("DEBUG")] in mscorlib, so a Release firmware would log nothing at all, not even
    /// FirmwareHalted or the unencrypted-claim warning.
    /// </summary>
    public sealed class ConsoleLogSink : ILogSink
    {
        /// <inheritdoc />
        public void Log(LogLevel level, string eventName, string detail) =>
            Console.WriteLine(LevelName(level) + " " + eventName + ": " + detail);

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
