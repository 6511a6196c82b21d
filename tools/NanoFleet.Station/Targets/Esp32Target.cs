using System;
using NanoFleet.Station.Rom;

namespace NanoFleet.Station.Targets
{
    /// <summary>The original ESP32's ROM loader (esptool/targets/esp32.py, ESP32ROM).</summary>
    public sealed class Esp32Target : EspTarget
    {
        /// <summary>The value at <see cref="ChipDetector.MagicRegister"/> on an ESP32.</summary>
        public const uint ChipDetectMagic = 0x00F01D83;

        /// <summary>Base of the eFuse read registers; word n is at base + 4n.</summary>
        public const uint EfuseReadBase = 0x3FF5A000;

        /// <summary>APB_CTL_DATE: bit 31 is the third major-revision bit.</summary>
        public const uint ApbCtlDate = 0x3FF66000 + 0x7C;

        /// <summary>RTC calibration result the ROM used to pick its baud divider.</summary>
        public const uint RtcCaliCfg1 = 0x3FF5F06C;

        /// <summary>Where the ESP32 ROM loads the second-stage bootloader from (esptool's BOOTLOADER_FLASH_OFFSET).</summary>
        public const uint BootloaderOffset = 0x1000;

        /// <summary>Creates the target over a synced link.</summary>
        public Esp32Target(RomLink link) : base(link)
        {
            link.StatusBytesLength = RomCommands.RomStatusBytes;
        }

        /// <inheritdoc/>
        public override string ChipName => "ESP32";

        /// <inheritdoc/>
        public override ushort ImageChipId => 0;

        /// <inheritdoc/>
        public override uint BootloaderFlashOffset => BootloaderOffset;

        /// <summary>Reads eFuse word <paramref name="n"/>.</summary>
        public uint ReadEfuse(int n) => ReadReg(EfuseReadBase + (uint)(4 * n));

        /// <summary>MAC from eFuse words 2 and 1, big-endian, minus the leading two CRC bytes.</summary>
        public override byte[] ReadMac()
        {
            uint high = ReadEfuse(2);
            uint low = ReadEfuse(1);
            return new[]
            {
                (byte)(high >> 8), (byte)high,
                (byte)(low >> 24), (byte)(low >> 16), (byte)(low >> 8), (byte)low,
            };
        }

        /// <inheritdoc/>
        public override int ReadChipRevision() => ReadMajorVersion() * 100 + ReadMinorVersion();

        /// <summary>
        /// The ESP32 ROM derives its baud divider from a drifting 8 MHz clock; esptool scales the
        /// requested rate by the ROM's own crystal estimate so the real rate comes out right.
        /// </summary>
        public override void ChangeBaud(int baud)
        {
            uint caliValue = (ReadReg(RtcCaliCfg1) >> 7) & 0x01FFFFFF;
            uint ck8m = ReadEfuse(4) & 0xFF;
            double romFrequency = caliValue * 15625.0 * ck8m / 40;
            double validFrequency = romFrequency > 33_000_000 ? 40_000_000 : 26_000_000;
            uint romBaud = romFrequency > 0 ? (uint)Math.Floor(baud * romFrequency / validFrequency) : (uint)baud;
            Link.CheckCommand("change baud rate", RomCommands.ChangeBaudRate, RomPacket.Words(romBaud, 0), 0,
                RomLink.DefaultTimeout, out _);
            FollowBaud(baud);
        }

        private int ReadMinorVersion() => (int)((ReadEfuse(5) >> 24) & 0x3);

        private int ReadMajorVersion()
        {
            uint bit0 = (ReadEfuse(3) >> 15) & 1;
            uint bit1 = (ReadEfuse(5) >> 20) & 1;
            uint bit2 = (ReadReg(ApbCtlDate) >> 31) & 1;
            return ((bit2 << 2) | (bit1 << 1) | bit0) switch
            {
                1 => 1,
                3 => 2,
                7 => 3,
                _ => 0,
            };
        }
    }
}
