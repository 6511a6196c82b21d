using System;

// As upstream (source/TestFrameworkShared/AssertFailedException.cs), this one type lives in its own namespace.
namespace TestFrameworkShared
{
    /// <summary>Thrown by a failing assertion.</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public AssertFailedException(string msg, Exception ex) : base(msg, ex)
        {
        }

        /// <summary>Creates the exception.</summary>
        public AssertFailedException(string msg) : base(msg)
        {
        }

        /// <summary>Creates the exception.</summary>
        public AssertFailedException()
        {
        }
    }
}
