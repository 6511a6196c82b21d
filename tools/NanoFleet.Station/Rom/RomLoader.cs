using System;
using System.Text;

namespace NanoFleet.Station.Rom
{
    /// <summary>
    /// ROM loader operations, each a short method naming its intent (esptool's ESPLoader methods).
    /// Chip specifics live in subclasses under Targets/. Nothing here writes to the console.
    /// </summary>
    public class RomLoader
    {
        /// <summary>Creates the operations over a protocol link.</summary>
        public RomLoader(RomLink link)
        {
            Link = link ?? throw new ArgumentNullException(nameof(link));
        }

        /// <summary>The protocol layer.</summary>
        public RomLink Link { get; }

        /// <summary>Block size of flash writes.</summary>
        public virtual int FlashWriteSize => RomCommands.FlashWriteSize;

        /// <summary>
        /// Sends SYNC and reads the seven extra replies the ROM sends to it.
        /// </summary>
        /// <returns>True when the value field was 0 in every reply, i.e. a stub (not the ROM) answered.</returns>
        /// <exception cref="EspTimeoutException">Nothing answered.</exception>
        public bool Sync()
        {
            RomResponse first = Link.Command(RomCommands.Sync, RomCommands.SyncPayload(), 0, RomTimeouts.Sync);
            bool stub = first.Value == 0;
            for (int i = 1; i < RomCommands.SyncReplies; i++)
            {
                RomResponse extra = Link.Command(null, null, 0, RomTimeouts.Sync);
                stub &= extra.Value == 0;
            }

            return stub;
        }

        /// <summary>Reads a 32-bit register.</summary>
        /// <exception cref="EspFatalException">The ROM refused the address.</exception>
        public uint ReadReg(uint address)
        {
            CheckIdempotent($"read register address {address:x8}", RomCommands.ReadReg, RomPacket.Words(address), 0,
                RomLink.DefaultTimeout, out uint value);
            return value;
        }

        /// <summary>Writes a 32-bit register under a mask, then waits <paramref name="delayUs"/> µs on the chip.</summary>
        public void WriteReg(uint address, uint value, uint mask = 0xFFFFFFFF, uint delayUs = 0)
        {
            CheckIdempotent($"write target memory at {address:x8}", RomCommands.WriteReg,
                RomPacket.Words(address, value, mask, delayUs), 0, RomLink.DefaultTimeout, out _);
        }

        /// <summary>Attaches the SPI flash (ROM takes two zero words).</summary>
        public void SpiAttach()
        {
            CheckIdempotent("configure SPI flash pins", RomCommands.SpiAttach, RomPacket.Words(0, 0), 0,
                RomLink.DefaultTimeout, out _);
        }

        /// <summary>Tells the ROM the flash geometry: id 0, size, 64K block, 4K sector, 256 page, 0xFFFF status mask.</summary>
        public void SpiSetParams(uint flashSize)
        {
            CheckIdempotent("set SPI params", RomCommands.SpiSetParams,
                RomPacket.Words(0, flashSize, 64 * 1024, 4 * 1024, 256, 0xFFFF), 0, RomLink.DefaultTimeout, out _);
        }

        /// <summary>Starts a raw write; the ROM erases <paramref name="size"/> bytes before replying.</summary>
        /// <returns>The number of blocks to send.</returns>
        public int FlashBegin(int size, uint offset)
        {
            int blocks = (size + FlashWriteSize - 1) / FlashWriteSize;
            Link.CheckCommand("enter Flash download mode", RomCommands.FlashBegin,
                RomPacket.Words((uint)size, (uint)blocks, (uint)FlashWriteSize, offset), 0,
                RomTimeouts.PerMb(RomTimeouts.EraseRegionSecondsPerMb, size), out _);
            return blocks;
        }

        /// <summary>Sends one raw block; the caller pads the last one with FF to <see cref="FlashWriteSize"/>.</summary>
        public void FlashBlock(byte[] block, int sequence, TimeSpan timeout)
        {
            SendDataBlock($"write to target Flash after seq {sequence}", RomCommands.FlashData, block, sequence, timeout);
        }

        /// <summary>Leaves raw download mode: <paramref name="reboot"/> false keeps the ROM loader running.</summary>
        public void FlashFinish(bool reboot)
        {
            Link.CheckCommand("leave Flash mode", RomCommands.FlashEnd, RomPacket.Words(reboot ? 0u : 1u), 0,
                RomLink.DefaultTimeout, out _);
        }

        /// <summary>
        /// Starts a compressed write. The ROM erases whole write blocks of the uncompressed size, as
        /// esptool computes it for the ROM (erase_blocks × FLASH_WRITE_SIZE).
        /// </summary>
        /// <returns>The number of compressed blocks to send.</returns>
        public int FlashDeflBegin(int uncompressedSize, int compressedSize, uint offset)
        {
            int blocks = (compressedSize + FlashWriteSize - 1) / FlashWriteSize;
            int eraseBlocks = (uncompressedSize + FlashWriteSize - 1) / FlashWriteSize;
            int writeSize = eraseBlocks * FlashWriteSize;
            Link.CheckCommand("enter compressed flash mode", RomCommands.FlashDeflBegin,
                RomPacket.Words((uint)writeSize, (uint)blocks, (uint)FlashWriteSize, offset), 0,
                RomTimeouts.PerMb(RomTimeouts.EraseRegionSecondsPerMb, writeSize), out _);
            return blocks;
        }

        /// <summary>Sends one compressed block (not padded).</summary>
        public void FlashDeflBlock(byte[] block, int sequence, TimeSpan timeout)
        {
            SendDataBlock($"write compressed data to flash after seq {sequence}", RomCommands.FlashDeflData, block,
                sequence, timeout);
        }

        /// <summary>Leaves compressed download mode.</summary>
        public void FlashDeflFinish(bool reboot)
        {
            Link.CheckCommand("leave compressed flash mode", RomCommands.FlashDeflEnd, RomPacket.Words(reboot ? 0u : 1u),
                0, RomLink.DefaultTimeout, out _);
        }

        /// <summary>MD5 of a flash region, computed by the chip.</summary>
        /// <returns>32 lowercase hex characters.</returns>
        /// <exception cref="EspFatalException">The ROM failed, or answered with neither 32 hex characters nor 16 bytes.</exception>
        public string FlashMd5(uint address, int size)
        {
            byte[] result = CheckIdempotent("calculate md5sum", RomCommands.SpiFlashMd5,
                RomPacket.Words(address, (uint)size, 0, 0), 0, RomTimeouts.PerMb(RomTimeouts.Md5SecondsPerMb, size), out _);
            if (result.Length == 32)
            {
                string hex = Encoding.ASCII.GetString(result).ToLowerInvariant();
                foreach (char c in hex)
                {
                    if (!Uri.IsHexDigit(c))
                    {
                        throw new EspFatalException($"Failed to calculate md5sum: the reply '{hex}' is not hexadecimal");
                    }
                }

                return hex;
            }

            if (result.Length == 16)
            {
                return Convert.ToHexString(result).ToLowerInvariant();
            }

            throw new EspFatalException($"Failed to calculate md5sum: MD5 reply of {result.Length} bytes, expected 32 or 16");
        }

        /// <summary>Asks the chip to change baud rate, then follows on the host side.</summary>
        public virtual void ChangeBaud(int baud)
        {
            Link.CheckCommand("change baud rate", RomCommands.ChangeBaudRate, RomPacket.Words((uint)baud, 0), 0,
                RomLink.DefaultTimeout, out _);
            FollowBaud(baud);
        }

        /// <summary>Switches the host side and drops the garbage sent during the change.</summary>
        protected void FollowBaud(int baud)
        {
            Link.SetHostBaud(baud);
            System.Threading.Thread.Sleep(50);
            Link.FlushInput();
        }

        /// <summary>Attempts for commands that are safe to repeat (register access, SPI setup, MD5).</summary>
        public const int IdempotentAttempts = 3;

        /// <summary>
        /// CheckCommand for a command that may simply be sent again: only data blocks carry a checksum,
        /// so a line fault on any other command shows up as a timeout or "invalid message", and
        /// repeating a read, an attach or an MD5 is harmless.
        /// </summary>
        protected byte[] CheckIdempotent(string opDescription, byte op, byte[] data, uint checksum, TimeSpan timeout, out uint value)
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    return Link.CheckCommand(opDescription, op, data, checksum, timeout, out value);
                }
                catch (EspFatalException ex) when (attempt < IdempotentAttempts && RomErrors.IsTransient(ex))
                {
                    // No flush: a late reply to the first attempt answers the same question as the next one.
                }
            }
        }

        private void SendDataBlock(string opDescription, byte op, byte[] block, int sequence, TimeSpan timeout)
        {
            byte[] header = RomPacket.Words((uint)block.Length, (uint)sequence, 0, 0);
            var data = new byte[header.Length + block.Length];
            header.CopyTo(data, 0);
            block.CopyTo(data, header.Length);
            Link.CheckCommand(opDescription, op, data, RomPacket.Checksum(block, 0, block.Length), timeout, out _);
        }
    }
}
