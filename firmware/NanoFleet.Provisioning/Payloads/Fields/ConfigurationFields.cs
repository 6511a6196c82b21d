namespace NanoFleet.Provisioning
{
    /// <summary>
    /// deviceConfiguration: a flat map of text to text (AWS: it "doesn't support nested JSON
    /// objects"), so a nested value is <see cref="FpReadErrorKind.WrongType"/>. At most a set
    /// number of entries, and no key twice.
    /// </summary>
    internal sealed class ConfigurationFields : IFieldSink
    {
        private readonly int _maxEntries;

        public ConfigurationFields(int maxEntries)
        {
            _maxEntries = maxEntries;
        }

        /// <summary>The entries read so far, in payload order.</summary>
        public StringMap Entries { get; } = new StringMap();

        public bool ReadField(IPayloadSource source, FpReadError error)
        {
            if (Entries.Count == _maxEntries)
            {
                error.Set(FpReadErrorKind.TooLarge, "", source.KeyOffset);
                return false;
            }

            if (!source.ReadKey(out string key))
            {
                return false;
            }

            if (Entries.IndexOf(key) >= 0)
            {
                error.Set(FpReadErrorKind.Syntax, "", source.KeyOffset);
                return false;
            }

            if (!source.ReadText(out string value))
            {
                return false;
            }

            Entries.Set(key, value);
            return true;
        }
    }
}
