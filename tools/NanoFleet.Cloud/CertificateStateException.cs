using System;

namespace NanoFleet.Cloud
{
    /// <summary>The certificate's state forbids the change (a REVOKED certificate made ACTIVE again): AWS's
    /// CertificateStateException. Nothing was changed.</summary>
    public sealed class CertificateStateException : InvalidOperationException
    {
        /// <summary>Creates the error.</summary>
        public CertificateStateException(string message) : base(message)
        {
        }
    }
}
