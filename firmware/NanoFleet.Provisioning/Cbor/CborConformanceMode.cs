namespace NanoFleet.Provisioning.Cbor
{
    /// <summary>How strictly <see cref="CborReader"/> checks its input (after System.Formats.Cbor's modes).</summary>
    public enum CborConformanceMode
    {
        /// <summary>Any well-formed CBOR; text strings are validated as UTF-8 only when decoded.</summary>
        Lax = 0,
        /// <summary>Also validates the UTF-8 of text strings that are skipped.</summary>
        Strict = 1,
        /// <summary>Strict, plus shortest-form heads and definite lengths only (RFC 8949 §4.2.1).</summary>
        Canonical = 2,
    }
}
