using System;
using nanoFramework.Hardware.Esp32;

namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// Deep sleep with a timer wake-up (nanoFramework.Hardware.Esp32), for waits so long that keeping the
    /// CPU and the radio up is waste. Waking up is a reset: the firmware boots again, and only what flash
    /// holds survives (the claim partition and the device-credential record), so a caller sleeps only
    /// when nothing in RAM is worth keeping.
    /// </summary>
    public static class Esp32DeepSleep
    {
        /// <summary>Logs why the chip started: WokeFromDeepSleep after a timer wake-up, PoweredOn otherwise.</summary>
        public static void LogWakeCause(ILogSink log)
        {
            Sleep.WakeupCause cause = Sleep.GetWakeupCause();
            if (cause == Sleep.WakeupCause.Undefined)
            {
                log.Log(LogLevel.Info, "PoweredOn", "power-on or reset, not a wake-up from deep sleep");
                return;
            }

            log.Log(LogLevel.Info, "WokeFromDeepSleep", "wake-up source: " + WakeCauseName(cause));
        }

        /// <summary>Sleeps <paramref name="milliseconds"/> in deep sleep, then the chip resets and boots again.</summary>
        /// <returns>Only when the timer could not be armed (logged); otherwise it does not return.</returns>
        public static bool SleepFor(ILogSink log, int milliseconds)
        {
            EspNativeError armed = Sleep.EnableWakeupByTimer(TimeSpan.FromTicks(milliseconds * TimeSpan.TicksPerMillisecond));
            if (armed != EspNativeError.OK)
            {
                log.Log(LogLevel.Error, "DeepSleepUnavailable", "the wake-up timer could not be armed (ESP error " + (int)armed + "); waiting awake instead");
                return false;
            }

            log.Log(LogLevel.Info, "DeepSleeping", (milliseconds / 1000) + " s until the next attempt; the device boots again afterwards");
            Sleep.StartDeepSleep();
            return false;
        }

        // Enum.ToString() gives the number on nanoFramework.
        private static string WakeCauseName(Sleep.WakeupCause cause)
        {
            switch (cause)
            {
                case Sleep.WakeupCause.Timer: return "timer";
                case Sleep.WakeupCause.Ext0: return "RTC GPIO (ext0)";
                case Sleep.WakeupCause.Ext1: return "RTC GPIOs (ext1)";
                case Sleep.WakeupCause.TouchPad: return "touch pad";
                case Sleep.WakeupCause.Ulp: return "ULP program";
                default: return "cause " + (int)cause;
            }
        }
    }
}
