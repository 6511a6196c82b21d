namespace NanoFleet.Provisioning
{
    /// <summary>
    /// What the payload reader needs from a decoder: maps with text keys whose values are text,
    /// integers or a nested map. The JSON and CBOR sources both provide it, so the field rules of
    /// each response are written once. Every method returns false on error, having recorded it in
    /// the <see cref="FpReadError"/> the source was made with.
    /// </summary>
    internal interface IPayloadSource
    {
        /// <summary>Reads the start of a map; a value of another type is <see cref="FpReadErrorKind.WrongType"/>.</summary>
        bool ReadStartMap();

        /// <summary>Moves to the next key of the current map, or consumes its end (<paramref name="atEnd"/>).</summary>
        bool NextKey(out bool atEnd);

        /// <summary>True when the current key is <paramref name="key"/> (no allocation).</summary>
        bool KeyEquals(string key);

        /// <summary>Byte offset of the current key (for duplicate-field errors).</summary>
        int KeyOffset { get; }

        /// <summary>Decodes the current key.</summary>
        bool ReadKey(out string key);

        /// <summary>Reads a text value; anything else is <see cref="FpReadErrorKind.WrongType"/>.</summary>
        bool ReadText(out string value);

        /// <summary>
        /// Reads a text value without decoding it, checked exactly as <see cref="ReadText"/>
        /// checks it: says where it is, how long its encoded content is in this format (JSON: the
        /// escaped bytes between the quotes; CBOR: the UTF-8 bytes, chunks joined) and how many
        /// UTF-8 bytes it holds once decoded.
        /// </summary>
        bool LocateText(out int position, out int length, out int utf8Bytes);

        /// <summary>Copies a text value found by <see cref="LocateText"/> into <paramref name="utf8"/>, exactly its size, as UTF-8.</summary>
        void CopyText(int position, int length, byte[] utf8);

        /// <summary>
        /// Copies a text value found by <see cref="LocateText"/> in its encoded form (<paramref name="length"/>
        /// bytes), so a request in the same format can carry it without decoding it first.
        /// </summary>
        void CopyEncodedText(int position, int length, byte[] destination, int destinationOffset);

        /// <summary>Reads an integer value that fits an <see cref="int"/>; anything else is <see cref="FpReadErrorKind.WrongType"/>.</summary>
        bool ReadInt32(out int value);

        /// <summary>Skips a value of any type, however nested (within the depth limit).</summary>
        bool SkipValue();

        /// <summary>Checks that nothing follows the top-level value.</summary>
        bool ReadEnd();
    }
}
