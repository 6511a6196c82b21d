using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using NanoFleet.Station.Rom;

namespace NanoFleet.Station.Operations
{
    /// <summary>
    /// Writes regions through a connected loader, compressed or raw, and verifies each by MD5
    /// (esptool's write_flash for the ROM, without the stub). Reports progress through
    /// <see cref="ProgressChanged"/>; never writes to the console.
    /// </summary>
    public sealed class FlashWriter
    {
        /// <summary>Attempts per block before the region is restarted (esptool's WRITE_BLOCK_ATTEMPTS).</summary>
        public const int BlockAttempts = 3;

        /// <summary>Attempts per region (FLASH_BEGIN onwards) before the write fails.</summary>
        public const int RegionAttempts = 2;

        private readonly RomLoader _loader;

        /// <summary>Creates a writer over a connected, SPI-attached loader.</summary>
        public FlashWriter(RomLoader loader)
        {
            _loader = loader ?? throw new ArgumentNullException(nameof(loader));
        }

        /// <summary>Use FLASH_DEFL_* with zlib (the default, as esptool).</summary>
        public bool Compress { get; init; } = true;

        /// <summary>Overrides the per-block reply timeout (esptool's defaults otherwise); for quick fault tests.</summary>
        public TimeSpan? BlockTimeout { get; init; }

        /// <summary>Raised as blocks are acknowledged and when verification starts and ends.</summary>
        public event EventHandler<FlashProgressEventArgs>? ProgressChanged;

        /// <summary>Raised when a block or region is sent again after a fault, with the reason.</summary>
        public event EventHandler<string>? Retried;

        /// <summary>
        /// Writes and verifies every region in order, then checks every region's MD5 once more: ROM
        /// commands other than data blocks carry no checksum, so a damaged FLASH_BEGIN could land on a
        /// region written earlier.
        /// </summary>
        /// <exception cref="EspFatalException">A write failed after its retries, or verification found other bytes.</exception>
        public IReadOnlyList<RegionWriteResult> WriteAll(IEnumerable<FlashRegion> regions)
        {
            var results = new List<RegionWriteResult>();
            foreach (FlashRegion region in regions)
            {
                results.Add(Write(region));
            }

            foreach (RegionWriteResult result in results)
            {
                string actual = _loader.FlashMd5(result.Offset, result.Size);
                if (actual != result.Md5)
                {
                    throw new EspFatalException(
                        $"Failed to verify {result.Name} at 0x{result.Offset:X} after all writes: flash MD5 {actual} does not match the image's {result.Md5}");
                }
            }

            return results;
        }

        /// <summary>
        /// Writes one region, then checks the chip's MD5 of it against the image's; a failed round
        /// (after block retries) or a mismatch starts the region over once.
        /// </summary>
        /// <exception cref="EspFatalException">The write failed after its retries, or the MD5 differs twice.</exception>
        public RegionWriteResult Write(FlashRegion region)
        {
            ArgumentNullException.ThrowIfNull(region);
            var clock = Stopwatch.StartNew();
            byte[] image = PadTo4(region.Data);
            byte[]? compressed = Compress ? Deflate(image) : null;
            string expected = Convert.ToHexString(MD5.HashData(image)).ToLowerInvariant();
            int retries = 0;
            for (int round = 1; ; round++)
            {
                try
                {
                    retries += compressed is null
                        ? WriteRaw(region.Name, region.Offset, image)
                        : WriteCompressed(region.Name, region.Offset, image, compressed);
                    Report($"verify {region.Name}", 0, image.Length);
                    string actual = _loader.FlashMd5(region.Offset, image.Length);
                    if (actual != expected)
                    {
                        throw new EspFatalException(
                            $"Failed to verify {region.Name} at 0x{region.Offset:X}: flash MD5 {actual} does not match the image's {expected}");
                    }

                    Report($"verify {region.Name}", image.Length, image.Length);
                    return new RegionWriteResult(region.Name, region.Offset, image.Length, compressed?.Length ?? image.Length,
                        actual, compressed is not null, retries, clock.Elapsed);
                }
                catch (EspFatalException ex) when (round < RegionAttempts && ex is not (EspNotSupportedException or EspLinkException))
                {
                    retries++;
                    Retried?.Invoke(this, $"{region.Name}: writing the region again after: {ex.Message}");
                    _loader.Link.FlushInput();
                }
            }
        }

        /// <summary>zlib at the best ratio, as esptool's zlib.compress(image, 9).</summary>
        public static byte[] Deflate(byte[] data)
        {
            using var output = new MemoryStream();
            using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(data, 0, data.Length);
            }

            return output.ToArray();
        }

        private int WriteRaw(string name, uint offset, byte[] image)
        {
            int blockSize = _loader.FlashWriteSize;
            int blocks = _loader.FlashBegin(image.Length, offset);
            int retries = 0;
            for (int seq = 0; seq < blocks; seq++)
            {
                var block = new byte[blockSize];
                int count = Math.Min(blockSize, image.Length - seq * blockSize);
                Array.Copy(image, seq * blockSize, block, 0, count);
                block.AsSpan(count).Fill(0xFF);
                retries += SendWithRetries(() => _loader.FlashBlock(block, seq, BlockTimeout ?? RomLink.DefaultTimeout), name, seq);
                Report($"write {name}", Math.Min(image.Length, (long)(seq + 1) * blockSize), image.Length);
            }

            return retries;
        }

        private int WriteCompressed(string name, uint offset, byte[] image, byte[] compressed)
        {
            int blockSize = _loader.FlashWriteSize;
            int blocks = _loader.FlashDeflBegin(image.Length, compressed.Length, offset);
            int retries = 0;

            // A compressed block inflates to more than its size and the ROM writes it before replying,
            // so the wait scales with the uncompressed bytes per block (esptool's block_timeout).
            TimeSpan timeout = RomTimeouts.PerMb(RomTimeouts.EraseWriteSecondsPerMb, (long)image.Length / Math.Max(1, blocks));
            for (int seq = 0; seq < blocks; seq++)
            {
                int count = Math.Min(blockSize, compressed.Length - seq * blockSize);
                byte[] block = compressed.AsSpan(seq * blockSize, count).ToArray();
                retries += SendWithRetries(() => _loader.FlashDeflBlock(block, seq, BlockTimeout ?? timeout), name, seq);
                Report($"write {name}", (long)image.Length * (seq + 1) / blocks, image.Length);
            }

            return retries;
        }

        private int SendWithRetries(Action send, string name, int seq)
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    send();
                    return attempt - 1;
                }
                catch (EspFatalException ex) when (attempt < BlockAttempts && RomErrors.IsTransient(ex))
                {
                    Retried?.Invoke(this, $"{name}: block {seq} again after: {ex.Message}");
                    _loader.Link.FlushInput();
                }
            }
        }

        private static byte[] PadTo4(byte[] data)
        {
            int padded = (data.Length + 3) & ~3;
            if (padded == data.Length)
            {
                return data;
            }

            var result = new byte[padded];
            data.CopyTo(result, 0);
            result.AsSpan(data.Length).Fill(0xFF);
            return result;
        }

        private void Report(string stage, long done, long total) =>
            ProgressChanged?.Invoke(this, new FlashProgressEventArgs(stage, done, total));
    }
}
