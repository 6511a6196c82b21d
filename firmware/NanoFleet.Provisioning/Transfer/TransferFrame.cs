namespace NanoFleet.Provisioning.Transfer
{
    /// <summary>
    /// One claim-transfer frame as read from a caller's buffer: the view stays valid while the
    /// buffer is unchanged. On the wire a frame is magic "NF" (0x4E 0x46), type (1 byte), sequence
    /// (1 byte), payload length (2 bytes, little-endian), payload, and the ESP ROM CRC-32
    /// (<see cref="Storage.EspCrc32"/>, 4 bytes little-endian) of everything before it.
    /// </summary>
    public sealed class TransferFrame
    {
        /// <summary>First magic byte ('N').</summary>
        public const byte Magic0 = 0x4E;

        /// <summary>Second magic byte ('F').</summary>
        public const byte Magic1 = 0x46;

        /// <summary>Magic, type, sequence and length.</summary>
        public const int HeaderLength = 6;

        /// <summary>The CRC after the payload.</summary>
        public const int TrailerLength = 4;

        /// <summary>The largest payload: a claim certificate and an RSA-4096 key in PEM fit with room to spare.</summary>
        public const int MaxPayload = 8192;

        /// <summary>The largest frame on the wire.</summary>
        public const int MaxFrameLength = HeaderLength + MaxPayload + TrailerLength;

        /// <summary>The buffer the frame was read from.</summary>
        public byte[] Buffer { get; set; } = new byte[0];

        /// <summary>One of <see cref="TransferMessages"/>.</summary>
        public byte Type { get; set; }

        /// <summary>The sender's sequence number; a RECEIVED or NACK echoes the one it answers.</summary>
        public byte Sequence { get; set; }

        /// <summary>Where the payload starts in <see cref="Buffer"/>.</summary>
        public int PayloadOffset { get; set; }

        /// <summary>The payload's length.</summary>
        public int PayloadLength { get; set; }
    }
}
