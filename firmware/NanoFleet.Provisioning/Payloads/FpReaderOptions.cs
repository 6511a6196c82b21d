namespace NanoFleet.Provisioning
{
    /// <summary>Bounds for the payload readers: they refuse anything larger or deeper.</summary>
    /// <example>
    /// <code>
    /// var options = new FpReaderOptions { MaxPayloadBytes = 8192, MaxDepth = 4 };
    /// </code>
    /// </example>
    public sealed class FpReaderOptions
    {
        /// <summary>Default for <see cref="MaxPayloadBytes"/>: room for a 2 KB certificate, a key and a token.</summary>
        public const int DefaultMaxPayloadBytes = 16384;

        /// <summary>Default for <see cref="MaxDepth"/>; provisioning payloads need 2.</summary>
        public const int DefaultMaxDepth = 8;

        /// <summary>Default for <see cref="MaxMapEntries"/>.</summary>
        public const int DefaultMaxMapEntries = 64;

        /// <summary>Shared defaults (immutable).</summary>
        public static FpReaderOptions Default { get; } = new FpReaderOptions();

        /// <summary>Largest payload accepted, in bytes; larger ones fail with <see cref="FpReadErrorKind.TooLarge"/>.</summary>
        public int MaxPayloadBytes { get; init; } = DefaultMaxPayloadBytes;

        /// <summary>Deepest nesting accepted (the top-level map is depth 1); deeper fails with <see cref="FpReadErrorKind.TooDeep"/>.</summary>
        public int MaxDepth { get; init; } = DefaultMaxDepth;

        /// <summary>
        /// Most entries kept from a string map (deviceConfiguration); more fail with
        /// <see cref="FpReadErrorKind.TooLarge"/>. Each entry costs two strings and list slots, so
        /// without this cap a payload of tiny entries would cost far more heap than its own size.
        /// </summary>
        public int MaxMapEntries { get; init; } = DefaultMaxMapEntries;
    }
}
