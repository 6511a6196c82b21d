namespace NanoFleet.Provisioning
{
    /// <summary>
    /// What the request payloads need from an encoder: maps of text keys to text values (or to a
    /// nested map). JSON and CBOR writers both provide it, so each request is composed once.
    /// </summary>
    internal interface IMapWriter
    {
        /// <summary>Bytes produced so far.</summary>
        int BytesWritten { get; }

        /// <summary>False once text that cannot be encoded (a lone surrogate, U+0000, invalid UTF-8) was given.</summary>
        bool IsValid { get; }

        /// <summary>Starts a map of <paramref name="pairs"/> entries (CBOR needs the count up front).</summary>
        void WriteStartMap(int pairs);

        /// <summary>Writes a key.</summary>
        void WriteKey(string key);

        /// <summary>Writes a text value.</summary>
        void WriteText(string value);

        /// <summary>
        /// Writes a text value held as UTF-8 bytes (a PEM or token kept as bytes); bytes that are
        /// not valid UTF-8 make the writer invalid.
        /// </summary>
        void WriteText(byte[] utf8);

        /// <summary>
        /// Writes a text value copied in its encoded form from a response of the same format (see
        /// <see cref="IPayloadSource.CopyEncodedText"/>); returns where its content starts, counted
        /// from the writer's start.
        /// </summary>
        int WriteEncodedText(IPayloadSource source, int position, int length);

        /// <summary>Ends the current map.</summary>
        void WriteEndMap();
    }
}
