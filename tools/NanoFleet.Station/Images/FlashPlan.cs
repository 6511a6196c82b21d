using System.Collections.Generic;
using NanoFleet.Station.Operations;

namespace NanoFleet.Station.Images
{
    /// <summary>Checked images and where they go: what `flash --dry-run` prints and what the writer writes.</summary>
    public sealed class FlashPlan
    {
        /// <summary>Creates the plan.</summary>
        public FlashPlan(IReadOnlyList<FlashRegion> regions, IReadOnlyList<string> notes, uint flashSize)
        {
            Regions = regions;
            Notes = notes;
            FlashSize = flashSize;
        }

        /// <summary>Flash size for SPI_SET_PARAMS: partitions.csv's, or 4 MB when it gives none.</summary>
        public uint FlashSize { get; }

        /// <summary>Regions in flash order.</summary>
        public IReadOnlyList<FlashRegion> Regions { get; }

        /// <summary>One line per image saying what was checked ("factory: ESP32 app 'nanoCLR' …, SHA-256 ok").</summary>
        public IReadOnlyList<string> Notes { get; }
    }
}
