using System;

namespace NanoFleet.Hal.Esp32
{
    /// <summary>Monotonic time from the nanoCLR tick counter; wall time from the SNTP-set RTC.</summary>
    public sealed class Esp32Clock : IClock
    {
        // Before SNTP has run the RTC starts near 1970 or the build date; anything before this is "no time yet".
        private static readonly DateTime EarliestPlausible = new DateTime(2024, 1, 1, 0, 0, 0);
        private const long UnixEpochTicks = 621355968000000000L;

        /// <inheritdoc />
        public long MonotonicMilliseconds => Environment.TickCount64;

        /// <inheritdoc />
        public long UtcUnixSeconds
        {
            get
            {
                DateTime now = DateTime.UtcNow;
                return now < EarliestPlausible ? 0 : (now.Ticks - UnixEpochTicks) / TimeSpan.TicksPerSecond;
            }
        }
    }
}
