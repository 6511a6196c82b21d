namespace NanoFleet.Provisioning
{
    /// <summary>What a failure means for the flow; each class is logged as its own event per step.</summary>
    public enum FailureClass
    {
        /// <summary>Timeout, disconnect, throttling, a 5xx or a malformed response: retry with backoff.</summary>
        Transient = 0,
        /// <summary>The certificate ownership token is invalid or expired: restart from the create step.</summary>
        TokenInvalid,
        /// <summary>Access denied, 401/403, an unknown template, a rejected claim: wait the long backoff.</summary>
        Permanent,
    }
}
