using System;

namespace NanoFleet.Cloud
{
    /// <summary>A template body breaks one of AWS's template rules; the message names the rule and the place.</summary>
    public sealed class InvalidTemplateException : ArgumentException
    {
        /// <summary>Creates the error.</summary>
        public InvalidTemplateException(string message) : base(message)
        {
        }
    }
}
