using System;

namespace NanoFleet.Cloud.ControlPlane.Iam
{
    /// <summary>An IAM policy document is malformed or uses an element the emulator does not evaluate; the message names it
    /// (IAM's MalformedPolicyDocument).</summary>
    public sealed class InvalidPolicyDocumentException : Exception
    {
        public InvalidPolicyDocumentException(string message) : base(message)
        {
        }
    }
}
