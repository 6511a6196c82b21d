namespace NanoFleet.Provisioning
{
    /// <summary>Why a payload reader refused its input (see <see cref="FpReadError"/>).</summary>
    public enum FpReadErrorKind
    {
        /// <summary>No error.</summary>
        None = 0,
        /// <summary>The payload is larger than <see cref="FpReaderOptions.MaxPayloadBytes"/>.</summary>
        TooLarge,
        /// <summary>Nesting is deeper than <see cref="FpReaderOptions.MaxDepth"/>.</summary>
        TooDeep,
        /// <summary>The payload ends inside a value.</summary>
        Truncated,
        /// <summary>Bytes follow the top-level value.</summary>
        TrailingData,
        /// <summary>A text value is not valid UTF-8 (or a JSON escape names a lone surrogate).</summary>
        InvalidUtf8,
        /// <summary>The bytes are not well-formed JSON or CBOR, or a field appears twice.</summary>
        Syntax,
        /// <summary>A required field is absent.</summary>
        MissingField,
        /// <summary>A field has the wrong type (e.g. a number or nested map where AWS sends text).</summary>
        WrongType,
        /// <summary>The call itself was wrong: a null array or result, or an offset/count outside the array.</summary>
        BadArgument,
        /// <summary>
        /// A text value the core would hold as a string contains U+0000. A nanoCLR string ends at
        /// NUL, so the value would arrive cut short; it is refused instead. (Text kept as bytes, the
        /// certificate, key and token, keeps a NUL.)
        /// </summary>
        NulInText,
    }
}
