using System.Collections.Generic;

namespace NanoFleet.Hal.Host.Flash
{
    /// <summary>
    /// <see cref="IFlash"/> over a <see cref="NorFlash"/>: finds partitions by label in rows the caller
    /// supplies (from the partition table it loaded), the way esp_partition_find_first does on a device.
    /// </summary>
    /// <example>
    /// <code>
    /// var rows = table.Rows.Select(r => new FlashPartition(r.Name, (int)r.Offset, (int)r.Size));
    /// IFlash flash = new HostFlash(NorFlash.OpenFile("device.img", 4 &lt;&lt; 20), rows);
    /// IFlashRegion? creds = flash.Open("nf_creds");
    /// </code>
    /// </example>
    public sealed class HostFlash : IFlash
    {
        private readonly Dictionary<string, FlashPartition> _partitions = new();

        /// <summary>Creates the lookup.</summary>
        /// <exception cref="System.ArgumentException">Two rows share a label.</exception>
        public HostFlash(NorFlash chip, IEnumerable<FlashPartition> partitions)
        {
            Chip = chip;
            foreach (var p in partitions)
            {
                if (!_partitions.TryAdd(p.Label, p)) throw new System.ArgumentException($"Two partitions are labelled '{p.Label}'.", nameof(partitions));
            }
        }

        /// <summary>The chip underneath (for counters and power-cut injection).</summary>
        public NorFlash Chip { get; }

        /// <inheritdoc />
        public IFlashRegion? Open(string label) =>
            _partitions.TryGetValue(label, out var p) ? new NorFlashRegion(Chip, p.Label, p.Offset, p.Size, p.EncryptedWriteRules) : null;
    }
}
