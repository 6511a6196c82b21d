using NanoFleet.Station.Rom;

namespace NanoFleet.Station.Targets
{
    /// <summary>
    /// Picks the target class from the chip magic register (esptool's detect_chip fallback path). Only
    /// the ESP32 is supported; any other chip is refused by name.
    /// </summary>
    public static class ChipDetector
    {
        /// <summary>Address of the chip-detect magic value in ROM.</summary>
        public const uint MagicRegister = 0x40001000;

        /// <summary>Reads the magic value (twice, until two reads agree) and returns the matching target.</summary>
        /// <exception cref="EspFatalException">The chip is not an ESP32; the message names what it is.</exception>
        public static EspTarget Detect(RomLink link)
        {
            var loader = new RomLoader(link);
            uint magic = StableRead.Of(() => loader.ReadReg(MagicRegister), "the chip-detect register");
            if (magic == Esp32Target.ChipDetectMagic)
            {
                return new Esp32Target(link);
            }

            string? other = NameOf(magic);
            throw new EspFatalException(other is null
                ? $"Unknown chip (magic value 0x{magic:X8} at 0x{MagicRegister:X8}); this station flashes ESP32 only"
                : $"This is an {other} (magic value 0x{magic:X8}), not an ESP32; this station flashes ESP32 only");
        }

        // Magic values of chips we refuse, from esptool/targets/*.py CHIP_DETECT_MAGIC_VALUE.
        private static string? NameOf(uint magic) => magic switch
        {
            0xFFF0C101 => "ESP8266",
            0x000007C6 => "ESP32-S2",
            0x00000009 => "ESP32-S3",
            0x6921506F or 0x1B31506F or 0x4881606F or 0x4361606F => "ESP32-C3",
            0x6F51306F or 0x7C41A06F => "ESP32-C2",
            0x2CE0806F => "ESP32-C6",
            0xD7B73E80 => "ESP32-H2",
            _ => null,
        };
    }
}
