using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown by a failing assertion.</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public AssertFailedException(string message) : base(message)
        {
        }
    }

    /// <summary>Thrown by <see cref="Assert.SkipTest"/>.</summary>
    public class SkipTestException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public SkipTestException(string message) : base(message)
        {
        }
    }
}
