using System;
using System.Threading;
using NanoFleet.Station.Rom;
using NanoFleet.Station.Targets;

namespace NanoFleet.Station.Operations
{
    /// <summary>
    /// Gets a chip into its ROM loader and talking (esptool's ESPLoader.connect + detect_chip): classic
    /// DTR/RTS reset into download mode, SYNC with retries, chip detection.
    /// </summary>
    public static class Connector
    {
        /// <summary>Connect attempts, each one reset followed by a few SYNCs (esptool tries 7).</summary>
        public const int DefaultAttempts = 7;

        private const int SyncsPerAttempt = 5;

        /// <summary>Resets into download mode, syncs and detects the chip.</summary>
        /// <param name="link">The protocol link; the serial port must be at the ROM's 115200 baud.</param>
        /// <param name="attempts">Reset-and-sync rounds before giving up.</param>
        /// <returns>The detected target.</returns>
        /// <exception cref="EspFatalException">No answer after every attempt, or the chip is not an ESP32.</exception>
        public static EspTarget Connect(RomLink link, int attempts = DefaultAttempts)
        {
            ArgumentNullException.ThrowIfNull(link);
            Exception? last = null;
            for (int attempt = 0; attempt < attempts; attempt++)
            {
                ClassicReset(link.Serial);
                link.FlushInput();
                for (int sync = 0; sync < SyncsPerAttempt; sync++)
                {
                    try
                    {
                        new RomLoader(link).Sync();
                        return ChipDetector.Detect(link);
                    }
                    catch (EspTimeoutException ex)
                    {
                        last = ex;
                        link.FlushInput();
                    }
                }
            }

            throw new EspFatalException(
                $"Failed to connect to an ESP32 on {link.Serial.Name}: no reply to SYNC after {attempts} resets " +
                "(is the chip in download mode and the port right?)", last!);
        }

        /// <summary>
        /// Readies the flash for writing as esptool does on the ROM: attach the SPI flash, then tell the
        /// ROM its geometry (esptool's flash_set_parameters).
        /// </summary>
        /// <param name="target">A connected target.</param>
        /// <param name="flashSize">Flash size in bytes (4 MB on the stock ESP32 modules nanoFramework targets).</param>
        public static void PrepareFlash(EspTarget target, uint flashSize)
        {
            ArgumentNullException.ThrowIfNull(target);
            target.SpiAttach();
            target.SpiSetParams(flashSize);
        }

        /// <summary>
        /// The classic auto-reset for boards with the two-transistor circuit: hold EN low with IO0 high,
        /// then release EN while holding IO0 low, so the chip samples IO0 low and enters the ROM loader.
        /// </summary>
        public static void ClassicReset(ISerialLink serial)
        {
            serial.SetDtr(false);
            serial.SetRts(true);
            Thread.Sleep(serial.HasModemLines ? 100 : 0);
            serial.SetDtr(true);
            serial.SetRts(false);
            Thread.Sleep(serial.HasModemLines ? 50 : 0);
            serial.SetDtr(false);
        }

        /// <summary>Hard reset into the application: pulse EN with IO0 released.</summary>
        public static void HardReset(ISerialLink serial)
        {
            serial.SetDtr(false);
            serial.SetRts(true);
            Thread.Sleep(serial.HasModemLines ? 100 : 0);
            serial.SetRts(false);
        }
    }
}
