using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NanoFleet.Cli.Commands
{
    /// <summary>A file <see cref="OutputFiles.WriteTogether"/> writes: its name in the directory, its text, and
    /// whether it is a secret (a private key: created owner-only, never readable by others even for a moment).</summary>
    internal sealed record OutputFile(string Name, string Text, bool Secret = false);

    /// <summary>Writes output files atomically: a temporary file next to the target, then a rename, so a crash never leaves half a file.</summary>
    internal static class OutputFiles
    {
        public static void WriteAllBytes(string path, byte[] bytes)
        {
            string full = Path.GetFullPath(path);
            string dir = Path.GetDirectoryName(full)!;
            if (Directory.Exists(full)) throw new CliException(ExitCodes.BadInput, $"output {path} is a directory; give a file name");
            if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"{path}: the directory {dir} does not exist");
            string temp = Stage(full, bytes, secret: false);
            try
            {
                File.Move(temp, full, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        /// <summary>
        /// Writes <paramref name="files"/> into <paramref name="directory"/> (made if missing) all or none: every file
        /// is staged and flushed under a temporary name first, and only then renamed into place. Without
        /// <paramref name="overwrite"/> a file that appeared meanwhile is not replaced (the call fails instead).
        /// On failure the staged files, and the directory when this call made it, are removed.
        /// </summary>
        public static void WriteTogether(string directory, IReadOnlyList<OutputFile> files, bool overwrite)
        {
            string full = Path.GetFullPath(directory);
            bool made = !Directory.Exists(full);
            Directory.CreateDirectory(full);
            var staged = new List<(string Temp, string Target)>();
            try
            {
                foreach (var file in files)
                {
                    string target = Path.Combine(full, file.Name);
                    staged.Add((Stage(target, Encoding.UTF8.GetBytes(file.Text), file.Secret), target));
                }

                foreach (var (temp, target) in staged)
                {
                    File.Move(temp, target, overwrite);
                }
            }
            catch
            {
                foreach (var (temp, _) in staged)
                {
                    File.Delete(temp); // no-op for the ones already renamed
                }

                if (made)
                {
                    Directory.Delete(full, recursive: true); // holds only what this call wrote
                }

                throw;
            }
        }

        /// <summary>Reads an input file, turning "not found" into a one-line bad-input error naming the option.</summary>
        public static string ReadText(string path, string what)
        {
            CheckInput(path, what);
            return File.ReadAllText(path);
        }

        public static byte[] ReadBytes(string path, string what)
        {
            CheckInput(path, what);
            return File.ReadAllBytes(path);
        }

        private static void CheckInput(string path, string what)
        {
            if (Directory.Exists(path)) throw new CliException(ExitCodes.BadInput, $"{what} file '{path}' is a directory");
            if (!File.Exists(path)) throw new FileNotFoundException($"{what} file '{path}' does not exist");
        }

        /// <summary>Writes and flushes <paramref name="bytes"/> to a new temporary file beside <paramref name="target"/>; returns its path.</summary>
        private static string Stage(string target, byte[] bytes, bool secret)
        {
            string temp = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (secret && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var stream = new FileStream(temp, options);
                stream.Write(bytes);
                stream.Flush(true);
            }
            catch
            {
                File.Delete(temp);
                throw;
            }

            return temp;
        }
    }
}
