namespace NanoFleet.Station.Rom
{
    /// <summary>
    /// ROM loader error codes (serial-protocol.rst, "ROM Loader Errors"). Status bytes are read as
    /// esptool's FatalError.WithResult does: the first two bytes, big-endian, so status 1 + error 7 is 0x0107.
    /// </summary>
    public static class RomErrors
    {
        /// <summary>Parameters or the length field are invalid.</summary>
        public const byte InvalidMessage = 0x05;

        /// <summary>The ROM failed to act on the message.</summary>
        public const byte FailedToAct = 0x06;

        /// <summary>The data checksum did not match.</summary>
        public const byte ChecksumError = 0x07;

        /// <summary>The read-back after a flash write did not match.</summary>
        public const byte FlashWriteError = 0x08;

        /// <summary>SPI flash read failed.</summary>
        public const byte FlashReadError = 0x09;

        /// <summary>SPI read request too long.</summary>
        public const byte FlashReadLengthError = 0x0A;

        /// <summary>A compressed upload could not be inflated.</summary>
        public const byte DeflateError = 0x0B;

        /// <summary>Describes one ROM error code.</summary>
        public static string Describe(byte error) => error switch
        {
            InvalidMessage => "Received message is invalid",
            FailedToAct => "Failed to act on received message",
            ChecksumError => "Checksum error",
            FlashWriteError => "Flash write error",
            FlashReadError => "Flash read error",
            FlashReadLengthError => "Flash read length error",
            DeflateError => "Deflate error",
            _ => "Unknown result",
        };

        /// <summary>
        /// Whether sending the same command again may succeed: a timeout, or the ROM refusing a frame
        /// that a line fault damaged. A flash write or deflate error is the chip's own verdict and is not.
        /// </summary>
        public static bool IsTransient(EspFatalException ex) =>
            ex is EspTimeoutException || ex.RomError is ChecksumError or InvalidMessage;

        /// <summary>Formats status bytes as esptool does: "0107: Checksum error".</summary>
        public static string FormatResult(byte status, byte error) => $"{status:X2}{error:X2}: {Describe(error)}";
    }
}
