namespace NanoFleet.Provisioning.Transfer
{
    /// <summary>Result of a claim-transfer frame read or write. Bad bytes never throw: they come back as one of these.</summary>
    public enum TransferStatus
    {
        /// <summary>Unexpected failure.</summary>
        Error = 0,
        /// <summary>A frame was read (magic, length, fields and CRC all good) or written.</summary>
        Success,
        /// <summary>No complete frame yet: wait for more bytes.</summary>
        NeedMoreData,
        /// <summary>A complete frame whose CRC does not match its bytes.</summary>
        BadCrc,
        /// <summary>A header announcing a payload longer than <see cref="TransferFrame.MaxPayload"/>.</summary>
        BadLength,
        /// <summary>The CRC matched but the payload's fields do not tile it, or a required field is missing or malformed.</summary>
        BadPayload,
        /// <summary>An argument was null or out of range.</summary>
        BadParameter,
        /// <summary>The frame does not fit the caller's buffer; nothing was written.</summary>
        BufferTooSmall,
    }
}
