using System;
using System.IO;

namespace NanoFleet.Cloud.Options
{
    /// <summary>The process's soft limit on open files (each connection costs one), read from Linux's
    /// /proc/self/limits; where that is not available, a limit high enough to leave the defaults as they are.</summary>
    internal static class OpenFileLimit
    {
        private const long Unknown = 1 << 20;

        public static long Current
        {
            get
            {
                try
                {
                    foreach (string line in File.ReadLines("/proc/self/limits"))
                    {
                        if (line.StartsWith("Max open files", StringComparison.Ordinal))
                        {
                            string soft = line["Max open files".Length..].TrimStart().Split(' ')[0];
                            return long.TryParse(soft, out long value) ? value : Unknown; // "unlimited"
                        }
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }

                return Unknown;
            }
        }
    }
}
