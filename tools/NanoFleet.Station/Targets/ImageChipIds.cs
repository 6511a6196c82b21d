using System.Collections.Generic;

namespace NanoFleet.Station.Targets
{
    /// <summary>
    /// Chip ids as app image headers and GET_SECURITY_INFO replies carry them (esptool IMAGE_CHIP_ID).
    /// </summary>
    public static class ImageChipIds
    {
        private static readonly Dictionary<uint, string> Names = new()
        {
            [0] = "ESP32", [2] = "ESP32-S2", [5] = "ESP32-C3", [9] = "ESP32-S3", [12] = "ESP32-C2",
            [13] = "ESP32-C6", [16] = "ESP32-H2", [18] = "ESP32-P4", [23] = "ESP32-C5",
        };

        /// <summary>The chip's name, or "unknown chip (id N)".</summary>
        public static string NameOf(uint chipId) => Names.TryGetValue(chipId, out string? name) ? name : $"unknown chip (id {chipId})";
    }
}
