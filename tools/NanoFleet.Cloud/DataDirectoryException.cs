using System.IO;

namespace NanoFleet.Cloud
{
    /// <summary>
    /// The data directory cannot be used, found when the emulator opens it (before it listens), never later
    /// on a timer. The message is one line naming the directory or file and what to do about it.
    /// </summary>
    public sealed class DataDirectoryException : IOException
    {
        /// <summary>Creates the error.</summary>
        public DataDirectoryException(DataDirectoryProblem problem, string message, System.Exception? inner = null) : base(message, inner)
        {
            Problem = problem;
        }

        /// <summary>What is wrong with it.</summary>
        public DataDirectoryProblem Problem { get; }
    }
}
