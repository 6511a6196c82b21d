namespace NanoFleet.Provisioning.Cbor
{
    /// <summary>How strictly <see cref="CborReader"/> checks its input (after System.Formats.Cbor's modes).</summary>
    public enum CborConformanceMode
    {
        /// <summary>Any well-formed CBOR; text strings are validated as UTF-8 only when decoded.</summary>
        Lax = 0,
        /// <summary>
        /// Also validates the UTF-8 of text strings that are skipped. Unlike System.Formats.Cbor's
        /// Strict it does not check maps for repeated keys: that needs memory in proportion to the
        /// map, and the payload reader refuses repeated fields itself.
        /// </summary>
        Strict = 1,
        /// <summary>Strict, plus shortest-form heads and definite lengths only (RFC 8949 §4.2.1).</summary>
        Canonical = 2,
    }
}
