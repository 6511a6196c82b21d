namespace NanoFleet.Provisioning.Transfer
{
    /// <summary>
    /// The message types of the claim-transfer protocol (one byte after the frame's magic). The
    /// installer sends <see cref="Claim"/>; everything else comes from the device.
    /// </summary>
    public static class TransferMessages
    {
        /// <summary>Device → installer, every few seconds while it waits: "I am MAC, waiting for a claim".</summary>
        public const byte Hello = 0x01;

        /// <summary>Installer → device: the temporary claim (certificate, key, template, expiry, optional endpoint).</summary>
        public const byte Claim = 0x10;

        /// <summary>Device → installer: the claim frame with this sequence arrived intact and is usable (the ack).</summary>
        public const byte Received = 0x20;

        /// <summary>Device → installer: the frame with this sequence was refused; a <see cref="TransferFields.Reason"/> says why.</summary>
        public const byte Nack = 0x21;

        /// <summary>Device → installer: provisioning is running; <see cref="TransferFields.Detail"/> names the step.</summary>
        public const byte Provisioning = 0x30;

        /// <summary>Device → installer: provisioned; <see cref="TransferFields.ThingName"/> names its thing.</summary>
        public const byte Thing = 0x31;

        /// <summary>Device → installer: provisioning with this claim is over and failed; a <see cref="TransferFields.Reason"/> says why.</summary>
        public const byte Failed = 0x32;

        /// <summary>True for the types above: the reader takes the magic followed by anything else for noise.</summary>
        public static bool IsKnown(byte type) =>
            type == Hello || type == Claim || type == Received || type == Nack || type == Provisioning || type == Thing || type == Failed;

        /// <summary>The stable name of a message type, for logs.</summary>
        public static string NameOf(byte type)
        {
            switch (type)
            {
                case Hello: return "HELLO";
                case Claim: return "CLAIM";
                case Received: return "RECEIVED";
                case Nack: return "NACK";
                case Provisioning: return "PROVISIONING";
                case Thing: return "THING";
                case Failed: return "FAILED";
                default: return "0x" + type.ToString("X2");
            }
        }
    }
}
