using NanoFleet.Station.Rom;

namespace NanoFleet.Station.Targets
{
    /// <summary>A chip family's ROM loader: constants and overrides on top of <see cref="RomLoader"/>.</summary>
    public abstract class EspTarget : RomLoader
    {
        /// <summary>Creates the target over a synced link.</summary>
        protected EspTarget(RomLink link) : base(link)
        {
        }

        /// <summary>Chip name as esptool prints it ("ESP32").</summary>
        public abstract string ChipName { get; }

        /// <summary>chip_id in an app image header for this chip.</summary>
        public abstract ushort ImageChipId { get; }

        /// <summary>Offset of the second-stage bootloader in flash.</summary>
        public abstract uint BootloaderFlashOffset { get; }

        /// <summary>The factory MAC (6 bytes) from eFuse.</summary>
        public abstract byte[] ReadMac();

        /// <summary>Chip revision as major×100 + minor (esptool's get_chip_revision).</summary>
        public abstract int ReadChipRevision();
    }
}
