using System;
using System.IO;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>
    /// One running emulator per data directory. The lock is the OS's exclusive lock on `emulator.lock`
    /// (flock on Unix, a sharing lock on Windows) held for as long as the emulator runs: the kernel drops it
    /// when the process dies, however it dies, so an emulator killed with SIGKILL never blocks the next start.
    /// The file itself stays: deleting it on stop would let a newcomer lock a file the next one no longer sees.
    /// </summary>
    internal sealed class DataDirectoryLock : IDisposable
    {
        public const string FileName = "emulator.lock";

        // How .NET reports a lock another process holds: ERROR_SHARING_VIOLATION on Windows, flock's
        // EWOULDBLOCK errno on Unix (11 on Linux, 35 on macOS and the BSDs).
        private const int SharingViolation = unchecked((int)0x80070020), WouldBlockLinux = 11, WouldBlockBsd = 35;
        private readonly FileStream _file;

        private DataDirectoryLock(FileStream file)
        {
            _file = file;
        }

        /// <summary>Takes the lock of <paramref name="directory"/>, creating the directory if needed.</summary>
        /// <exception cref="DataDirectoryException">Another emulator holds it, or the directory is not writable.</exception>
        public static DataDirectoryLock Acquire(string directory)
        {
            string path = Path.Combine(directory, FileName);
            try
            {
                Directory.CreateDirectory(directory);
                // FileShare.None is what makes .NET take the exclusive OS lock (LOCK_EX | LOCK_NB on Unix).
                return new DataDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException ex) when (IsHeldByAnother(ex))
            {
                throw new DataDirectoryException(DataDirectoryProblem.InUse,
                    $"another emulator is already running on {directory} (it holds {path}); stop it first or give another --data", ex);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                throw new DataDirectoryException(DataDirectoryProblem.NotWritable,
                    $"data directory {directory} is not writable: {ex.Message}", ex);
            }
        }

        public void Dispose() => _file.Dispose();

        private static bool IsHeldByAnother(IOException ex) =>
            OperatingSystem.IsWindows() ? ex.HResult == SharingViolation
            : ex.HResult == (OperatingSystem.IsLinux() ? WouldBlockLinux : WouldBlockBsd);
    }
}
