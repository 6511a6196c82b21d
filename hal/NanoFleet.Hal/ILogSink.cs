namespace NanoFleet.Hal
{
    /// <summary>Severity of a log event.</summary>
    public enum LogLevel
    {
        /// <summary>Detail for debugging.</summary>
        Debug = 0,
        /// <summary>A step or state change.</summary>
        Info,
        /// <summary>Something went wrong and will be retried.</summary>
        Warning,
        /// <summary>Something went wrong that needs attention.</summary>
        Error,
    }

    /// <summary>
    /// Receives the core's structured events. <paramref name="eventName"/> is a stable identifier
    /// (e.g. "RegisterThingRejected") that docs and tests key on; <paramref name="detail"/> is
    /// human-readable and never holds a key or token. On the happy path the detail is a string the
    /// core already holds (the template, certificate id or thing name), so logging a provisioning
    /// run allocates nothing on a heap of tens of kilobytes; failures get a composed sentence.
    /// </summary>
    public interface ILogSink
    {
        /// <summary>Writes one event.</summary>
        void Log(LogLevel level, string eventName, string detail);
    }
}
