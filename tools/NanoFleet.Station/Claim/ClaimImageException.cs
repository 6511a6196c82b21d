using System;

namespace NanoFleet.Station.Claim
{
    /// <summary>
    /// A claim image cannot be built from the inputs (bad PEM, key/certificate mismatch, expired
    /// certificate, bad template name, too big for the partition…). The message names the input at
    /// fault and never contains key material. Derives from <see cref="FormatException"/> so the CLI
    /// reports it as bad input, in one line.
    /// </summary>
    public sealed class ClaimImageException : FormatException
    {
        /// <summary>Creates the error.</summary>
        public ClaimImageException(string message) : base(message)
        {
        }
    }
}
