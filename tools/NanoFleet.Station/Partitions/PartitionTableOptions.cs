using System;

namespace NanoFleet.Station.Partitions
{
    /// <summary>Secure-boot scheme, which changes the size alignment of app partitions (<c>--secure</c>).</summary>
    public enum SecureBootScheme
    {
        /// <summary>No secure boot: app sizes aligned to 0x1000.</summary>
        None = 0,
        /// <summary>Secure boot v1: app sizes aligned to 0x10000.</summary>
        V1,
        /// <summary>Secure boot v2: app sizes aligned to 0x1000.</summary>
        V2,
    }

    /// <summary>
    /// The settings gen_esp32part.py takes on its command line. The defaults are the ESP32's:
    /// table at 0x8000, primary bootloader at 0x1000, MD5 row on, no secure boot, no flash-size check.
    /// </summary>
    public sealed class PartitionTableOptions
    {
        /// <summary>The defaults for a classic ESP32.</summary>
        public static PartitionTableOptions Esp32 => new();

        /// <summary><c>--offset</c>: where the table sits (CONFIG_PARTITION_TABLE_OFFSET).</summary>
        public uint TableOffset { get; init; } = 0x8000;

        /// <summary><c>--primary-bootloader-offset</c>: 0x1000 on ESP32 and S2, 0 on S3/C3/C6.</summary>
        public uint? PrimaryBootloaderOffset { get; init; } = 0x1000;

        /// <summary><c>--recovery-bootloader-offset</c>; null when the chip has none.</summary>
        public uint? RecoveryBootloaderOffset { get; init; }

        /// <summary><c>--flash-size</c> in bytes; null skips the "fits in flash" check.</summary>
        public uint? FlashSize { get; init; }

        /// <summary><c>--secure</c>.</summary>
        public SecureBootScheme Secure { get; init; } = SecureBootScheme.None;

        /// <summary>False is <c>--disable-md5sum</c>: no MD5 row is written or expected.</summary>
        public bool Md5 { get; init; } = true;

        /// <summary>Looks up <c>$VAR</c>/<c>${VAR}</c> (gen_esp32part.py expands environment variables). Null result: unknown.</summary>
        public Func<string, string?> Variables { get; init; } = Environment.GetEnvironmentVariable;
    }
}
