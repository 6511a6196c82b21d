using System;

namespace NanoFleet.Cloud
{
    /// <summary>A named resource (a template a claim is asked for) does not exist: AWS's ResourceNotFoundException.
    /// Nothing was changed.</summary>
    public sealed class ResourceNotFoundException : Exception
    {
        /// <summary>Creates the error.</summary>
        public ResourceNotFoundException(string message) : base(message)
        {
        }
    }
}
