using System;
using System.Security.Cryptography;

namespace NanoFleet.Station.Operations
{
    /// <summary>One image to write: what it is, where it goes, and its bytes.</summary>
    public sealed class FlashRegion
    {
        /// <summary>Creates the region.</summary>
        /// <param name="name">What it is, usually the partition label ("factory", "esp_secure_cert").</param>
        /// <param name="offset">Flash address; must be sector-aligned.</param>
        /// <param name="data">The image bytes.</param>
        /// <exception cref="ArgumentException">Empty data or an offset that is not 4 KB aligned.</exception>
        public FlashRegion(string name, uint offset, byte[] data)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(data);
            if (data.Length == 0)
            {
                throw new ArgumentException($"The image for '{name}' is empty.", nameof(data));
            }

            if (offset % Rom.RomCommands.FlashSectorSize != 0)
            {
                throw new ArgumentException($"'{name}' at 0x{offset:X} is not on a 4 KB sector boundary.", nameof(offset));
            }

            Name = name;
            Offset = offset;
            Data = data;
            Sha256 = Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();
        }

        /// <summary>What it is.</summary>
        public string Name { get; }

        /// <summary>Flash address.</summary>
        public uint Offset { get; }

        /// <summary>The bytes as given.</summary>
        public byte[] Data { get; }

        /// <summary>SHA-256 of <see cref="Data"/>, lowercase hex (for records).</summary>
        public string Sha256 { get; }

        /// <summary>First address after the image.</summary>
        public long End => Offset + (long)Data.Length;
    }
}
