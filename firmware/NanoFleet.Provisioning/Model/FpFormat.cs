namespace NanoFleet.Provisioning
{
    /// <summary>Payload encoding of the provisioning API; it also selects the topic suffix.</summary>
    public enum FpFormat
    {
        /// <summary>"json" topics, UTF-8 JSON payloads.</summary>
        Json = 0,
        /// <summary>"cbor" topics, CBOR definite-length maps.</summary>
        Cbor = 1,
    }
}
