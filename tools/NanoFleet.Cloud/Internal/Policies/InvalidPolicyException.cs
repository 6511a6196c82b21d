using System;

namespace NanoFleet.Cloud.Internal.Policies
{
    /// <summary>A policy document uses something the emulator does not evaluate (or is malformed); the message names it.
    /// Each place that stores policies turns it into its own error (template put, policy put, RegisterThing).</summary>
    internal sealed class InvalidPolicyException : Exception
    {
        public InvalidPolicyException(string message) : base(message)
        {
        }
    }
}
