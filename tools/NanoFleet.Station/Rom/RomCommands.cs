namespace NanoFleet.Station.Rom
{
    /// <summary>
    /// ROM loader opcodes and wire constants, in one table as esptool's ESP_CMDS
    /// (esptool/loader.py; docs/en/advanced-topics/serial-protocol.rst).
    /// </summary>
    public static class RomCommands
    {
        /// <summary>Begin a raw flash download: erase size, block count, block size, offset.</summary>
        public const byte FlashBegin = 0x02;

        /// <summary>One raw flash block: length, sequence, 0, 0, data (checksummed).</summary>
        public const byte FlashData = 0x03;

        /// <summary>Leave flash download mode: 0 = reboot, 1 = run user code.</summary>
        public const byte FlashEnd = 0x04;

        /// <summary>Synchronise: 07 07 12 20 + 32×55. The ROM replies eight times.</summary>
        public const byte Sync = 0x08;

        /// <summary>Write a 32-bit register: address, value, mask, delay µs.</summary>
        public const byte WriteReg = 0x09;

        /// <summary>Read a 32-bit register: address → value field.</summary>
        public const byte ReadReg = 0x0A;

        /// <summary>Set SPI flash geometry: id, total size, block, sector, page, status mask.</summary>
        public const byte SpiSetParams = 0x0B;

        /// <summary>Attach the SPI flash; required before flash access on the ROM.</summary>
        public const byte SpiAttach = 0x0D;

        /// <summary>Change the baud rate: new, old (0 when talking to the ROM).</summary>
        public const byte ChangeBaudRate = 0x0F;

        /// <summary>Begin a zlib-compressed flash download.</summary>
        public const byte FlashDeflBegin = 0x10;

        /// <summary>One compressed flash block (checksummed).</summary>
        public const byte FlashDeflData = 0x11;

        /// <summary>Leave compressed flash download mode.</summary>
        public const byte FlashDeflEnd = 0x12;

        /// <summary>MD5 of a flash region: address, size, 0, 0 → 32 hex characters from the ROM.</summary>
        public const byte SpiFlashMd5 = 0x13;

        /// <summary>Security info: flags, crypt count, key purposes, chip id, ECO (S2 and later; the ESP32 ROM refuses it).</summary>
        public const byte GetSecurityInfo = 0x14;

        /// <summary>Direction byte of a request.</summary>
        public const byte DirectionRequest = 0x00;

        /// <summary>Direction byte of a response.</summary>
        public const byte DirectionResponse = 0x01;

        /// <summary>Seed of the data checksum (XOR of every data byte).</summary>
        public const byte ChecksumSeed = 0xEF;

        /// <summary>Size of the request and response header.</summary>
        public const int HeaderSize = 8;

        /// <summary>Status bytes at the end of every ESP32 ROM response (the stub sends 2).</summary>
        public const int RomStatusBytes = 4;

        /// <summary>Block size of ROM flash writes (esptool ESP_RAM_BLOCK/FLASH_WRITE_SIZE for the ROM).</summary>
        public const int FlashWriteSize = 0x400;

        /// <summary>Flash sector size: the erase granularity.</summary>
        public const int FlashSectorSize = 0x1000;

        /// <summary>Replies the ROM sends to one SYNC; esptool reads the seven extra ones.</summary>
        public const int SyncReplies = 8;

        /// <summary>The 36-byte SYNC payload.</summary>
        public static byte[] SyncPayload()
        {
            var data = new byte[36];
            data[0] = 0x07;
            data[1] = 0x07;
            data[2] = 0x12;
            data[3] = 0x20;
            for (int i = 4; i < data.Length; i++)
            {
                data[i] = 0x55;
            }

            return data;
        }
    }
}
