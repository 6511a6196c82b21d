namespace NanoFleet.Provisioning
{
    /// <summary>Result of a core API that can fail on its input (AWS Fleet-Provisioning library style).</summary>
    public enum FpStatus
    {
        /// <summary>Unexpected failure.</summary>
        Error = 0,
        /// <summary>The call succeeded; out parameters are valid.</summary>
        Success,
        /// <summary>The input is not one of ours (e.g. a foreign topic).</summary>
        NoMatch,
        /// <summary>An argument was null, empty or malformed.</summary>
        BadParameter,
        /// <summary>The caller's buffer is too small; nothing was written.</summary>
        BufferTooSmall,
    }
}
