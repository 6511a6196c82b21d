namespace NanoFleet.Provisioning.Transfer
{
    /// <summary>Why a device refused a frame (NACK) or gave up on a claim (FAILED).</summary>
    public static class TransferReasons
    {
        /// <summary>NACK: the frame's CRC did not match; send it again.</summary>
        public const byte BadCrc = 1;

        /// <summary>NACK: a required field is missing or malformed (the text says which).</summary>
        public const byte Malformed = 2;

        /// <summary>NACK: the certificate does not carry the key that came with it.</summary>
        public const byte KeyMismatch = 3;

        /// <summary>NACK: the device does not expect a claim now (it has one, or it is provisioned).</summary>
        public const byte Unexpected = 4;

        /// <summary>FAILED: the broker refused the claim at connect: it expired (or was revoked). Fetch a new one.</summary>
        public const byte ClaimExpired = 16;

        /// <summary>FAILED: the cloud refused the provisioning itself (hook denied, template refused…).</summary>
        public const byte Rejected = 17;

        /// <summary>FAILED: transient failures in a row until the retries ran out.</summary>
        public const byte RetriesExhausted = 18;

        /// <summary>The stable name of a reason, for logs and the installer's output.</summary>
        public static string NameOf(byte reason)
        {
            switch (reason)
            {
                case BadCrc: return "BAD_CRC";
                case Malformed: return "MALFORMED";
                case KeyMismatch: return "KEY_MISMATCH";
                case Unexpected: return "UNEXPECTED";
                case ClaimExpired: return "CLAIM_EXPIRED";
                case Rejected: return "REJECTED";
                case RetriesExhausted: return "RETRIES_EXHAUSTED";
                default: return "REASON_" + reason;
            }
        }
    }
}
