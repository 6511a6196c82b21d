namespace NanoFleet.Provisioning.Keys
{
    /// <summary>The DER tags (identifier octets) of the structures read here (X.690).</summary>
    public static class DerTag
    {
        /// <summary>INTEGER.</summary>
        public const byte Integer = 0x02;
        /// <summary>BIT STRING.</summary>
        public const byte BitString = 0x03;
        /// <summary>OCTET STRING.</summary>
        public const byte OctetString = 0x04;
        /// <summary>NULL.</summary>
        public const byte Null = 0x05;
        /// <summary>OBJECT IDENTIFIER.</summary>
        public const byte ObjectIdentifier = 0x06;
        /// <summary>UTF8String.</summary>
        public const byte Utf8String = 0x0C;
        /// <summary>PrintableString.</summary>
        public const byte PrintableString = 0x13;
        /// <summary>SET (constructed).</summary>
        public const byte Set = 0x31;
        /// <summary>SEQUENCE (constructed).</summary>
        public const byte Sequence = 0x30;
        /// <summary>[0], constructed: a certificate's version, an EC key's curve, a CSR's attributes.</summary>
        public const byte ContextConstructed0 = 0xA0;
        /// <summary>[1], constructed: an EC key's public key.</summary>
        public const byte ContextConstructed1 = 0xA1;
    }
}
