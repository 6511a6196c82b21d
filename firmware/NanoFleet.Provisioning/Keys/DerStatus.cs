namespace NanoFleet.Provisioning.Keys
{
    /// <summary>Result of reading one DER element.</summary>
    public enum DerStatus
    {
        /// <summary>Unexpected failure.</summary>
        Error = 0,
        /// <summary>An element was read; out parameters are valid.</summary>
        Success,
        /// <summary>No element left in the range being read.</summary>
        End,
        /// <summary>The element's header or content runs past the end of its range.</summary>
        Truncated,
        /// <summary>The element has another tag than the one asked for; the reader did not move.</summary>
        UnexpectedTag,
        /// <summary>A length DER does not allow: indefinite, not in its shortest form, or over 2^31.</summary>
        BadLength,
        /// <summary>A high-tag-number tag (low five bits all set), which no structure read here uses.</summary>
        UnsupportedTag,
    }
}
