namespace NanoFleet.Provisioning.Storage
{
    /// <summary>Result of an esp_secure_cert TLV read or write step.</summary>
    public enum TlvStatus
    {
        /// <summary>Unexpected failure.</summary>
        Error = 0,
        /// <summary>A record was read (and its CRC matched) or written.</summary>
        Success,
        /// <summary>No more records: the next word is not the magic (or the image ends).</summary>
        End,
        /// <summary>A record's header or body runs past the end of the image.</summary>
        Truncated,
        /// <summary>A complete record whose stored CRC does not match its bytes.</summary>
        BadCrc,
        /// <summary>An argument was null or out of range (e.g. data longer than 65535 bytes).</summary>
        BadParameter,
        /// <summary>The record does not fit the caller's buffer; nothing was written.</summary>
        BufferTooSmall,
    }
}
