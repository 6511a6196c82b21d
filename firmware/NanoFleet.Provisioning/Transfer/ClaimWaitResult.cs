namespace NanoFleet.Provisioning.Transfer
{
    /// <summary>How <see cref="ClaimTransferSession.AwaitClaim"/> ended.</summary>
    public enum ClaimWaitResult
    {
        /// <summary><see cref="ClaimTransferSession.Stop"/> was called.</summary>
        Stopped = 0,
        /// <summary>A usable claim arrived (its certificate carries its key) and RECEIVED was sent.</summary>
        Received,
        /// <summary>The configured wait ran out with no usable claim.</summary>
        TimedOut,
        /// <summary>The serial line went away.</summary>
        LineGone,
    }
}
