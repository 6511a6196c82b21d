using System;

namespace NanoFleet.Station.Rom
{
    /// <summary>Timeouts that scale with size, with esptool's constants (loader.py timeout_per_mb).</summary>
    public static class RomTimeouts
    {
        /// <summary>SYNC waits briefly: the ROM answers at once or not at all.</summary>
        public static readonly TimeSpan Sync = TimeSpan.FromSeconds(0.1);

        /// <summary>ERASE_REGION_TIMEOUT_PER_MB: FLASH_BEGIN erases before it replies.</summary>
        public const double EraseRegionSecondsPerMb = 30;

        /// <summary>ERASE_WRITE_TIMEOUT_PER_MB: a compressed block can erase and write a lot.</summary>
        public const double EraseWriteSecondsPerMb = 40;

        /// <summary>MD5_TIMEOUT_PER_MB: the ROM hashes slowly.</summary>
        public const double Md5SecondsPerMb = 8;

        /// <summary>MAX_TIMEOUT: twice the whole-chip erase timeout.</summary>
        public static readonly TimeSpan Max = TimeSpan.FromSeconds(240);

        /// <summary>seconds_per_mb × size/1e6, never below the 3 s default (esptool's timeout_per_mb).</summary>
        public static TimeSpan PerMb(double secondsPerMb, long sizeBytes)
        {
            double seconds = secondsPerMb * (sizeBytes / 1e6);
            TimeSpan result = TimeSpan.FromSeconds(seconds);
            if (result < RomLink.DefaultTimeout)
            {
                return RomLink.DefaultTimeout;
            }

            return result > Max ? Max : result;
        }
    }
}
