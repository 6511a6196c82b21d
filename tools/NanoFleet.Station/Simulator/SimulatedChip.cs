using System;
using System.Collections.Generic;
using NanoFleet.Station.Targets;

namespace NanoFleet.Station.Simulator
{
    /// <summary>
    /// The registers a simulated ESP32 answers READ_REG with: chip magic, MAC and revision in eFuse, and
    /// the clock calibration the ROM's baud change depends on. Everything else reads 0.
    /// </summary>
    public sealed class SimulatedChip
    {
        // RTC calibration and CK8M eFuse chosen so the ROM's crystal estimate is exactly 40 MHz:
        // 800 × 15625 × 128 / 40 = 40,000,000.
        private const uint CaliValue = 800;
        private const uint Ck8mFrequency = 128;

        private readonly Dictionary<uint, uint> _written = new();

        /// <summary>Creates an ESP32 with the given MAC and revision (major×100 + minor, e.g. 301).</summary>
        /// <param name="mac">Factory MAC.</param>
        /// <param name="revision">major×100 + minor.</param>
        /// <param name="magic">Chip-detect magic value (another chip's, to test refusal).</param>
        /// <param name="securityInfoChipId">Set to act as a later chip that answers GET_SECURITY_INFO with this chip id.</param>
        public SimulatedChip(byte[] mac, int revision, uint magic = Esp32Target.ChipDetectMagic, uint? securityInfoChipId = null)
        {
            ArgumentNullException.ThrowIfNull(mac);
            if (mac.Length != 6)
            {
                throw new ArgumentException("A MAC has 6 bytes.", nameof(mac));
            }

            int major = revision / 100;
            if (major is < 0 or > 3 || revision % 100 is < 0 or > 3)
            {
                throw new ArgumentOutOfRangeException(nameof(revision), $"ESP32 revision {revision} is not v0.0–v3.3.");
            }

            Mac = (byte[])mac.Clone();
            Revision = revision;
            Magic = magic;
            SecurityInfoChipId = securityInfoChipId;
        }

        /// <summary>Chip id for GET_SECURITY_INFO; null for an ESP32, whose ROM refuses the command.</summary>
        public uint? SecurityInfoChipId { get; }

        /// <summary>Factory MAC.</summary>
        public byte[] Mac { get; }

        /// <summary>Chip revision, major×100 + minor.</summary>
        public int Revision { get; }

        /// <summary>Value of the chip-detect magic register (set another chip's to test refusal).</summary>
        public uint Magic { get; }

        /// <summary>What READ_REG returns at <paramref name="address"/>.</summary>
        public uint ReadRegister(uint address)
        {
            if (_written.TryGetValue(address, out uint stored))
            {
                return stored;
            }

            int major = Revision / 100;
            uint bit0 = major >= 1 ? 1u : 0u;
            uint bit1 = major >= 2 ? 1u : 0u;
            uint bit2 = major >= 3 ? 1u : 0u;
            return address switch
            {
                ChipDetector.MagicRegister => Magic,
                Esp32Target.EfuseReadBase + 4 => (uint)(Mac[2] << 24 | Mac[3] << 16 | Mac[4] << 8 | Mac[5]),
                Esp32Target.EfuseReadBase + 8 => (uint)(0xA5 << 16 | Mac[0] << 8 | Mac[1]),
                Esp32Target.EfuseReadBase + 12 => bit0 << 15,
                Esp32Target.EfuseReadBase + 16 => Ck8mFrequency,
                Esp32Target.EfuseReadBase + 20 => bit1 << 20 | (uint)(Revision % 100) << 24,
                Esp32Target.ApbCtlDate => bit2 << 31,
                Esp32Target.RtcCaliCfg1 => CaliValue << 7,
                _ => 0,
            };
        }

        /// <summary>WRITE_REG: keeps the masked value so a later read sees it.</summary>
        public void WriteRegister(uint address, uint value, uint mask)
        {
            uint old = ReadRegister(address);
            _written[address] = (old & ~mask) | (value & mask);
        }

        /// <summary>The real baud a ROM baud value gives, undoing the host's crystal correction.</summary>
        public int RealBaud(uint romBaud)
        {
            double romFrequency = CaliValue * 15625.0 * Ck8mFrequency / 40;
            double validFrequency = romFrequency > 33_000_000 ? 40_000_000 : 26_000_000;
            return (int)Math.Round(romBaud * validFrequency / romFrequency);
        }
    }
}
