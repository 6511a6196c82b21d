using System;
using System.IO;

namespace NanoFleet.Cli.Commands
{
    /// <summary>Writes output files atomically: a temporary file next to the target, then a rename, so a crash never leaves half a file.</summary>
    internal static class OutputFiles
    {
        public static void WriteAllBytes(string path, byte[] bytes)
        {
            string full = Path.GetFullPath(path);
            string dir = Path.GetDirectoryName(full)!;
            if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"{path}: the directory {dir} does not exist");
            string temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                {
                    stream.Write(bytes);
                    stream.Flush(true);
                }

                File.Move(temp, full, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        /// <summary>Reads an input file, turning "not found" into a one-line bad-input error naming the option.</summary>
        public static string ReadText(string path, string what)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"{what} file '{path}' does not exist");
            return File.ReadAllText(path);
        }

        public static byte[] ReadBytes(string path, string what)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"{what} file '{path}' does not exist");
            return File.ReadAllBytes(path);
        }
    }
}
