using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Test output, as nanoFramework.TestFramework's OutputHelper.</summary>
    public static class OutputHelper
    {
        /// <summary>Writes text.</summary>
        public static void Write(string message) => Console.Write(message);

        /// <summary>Writes a line.</summary>
        public static void WriteLine(string message) => Console.WriteLine(message);
    }
}
