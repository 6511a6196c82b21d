using Microsoft.Data.Sqlite;

namespace NanoFleet.Cloud.Registry
{
    /// <summary>
    /// Proves at open time that the registry can be read and written, so a corrupt or read-only registry.db
    /// stops the emulator before it listens (one line, <see cref="DataDirectoryException"/>) instead of failing
    /// a request or a timer later.
    /// </summary>
    internal static class RegistryHealth
    {
        // SQLite's primary result codes (sqlite3.h) that say what is wrong with the file rather than with a statement.
        private const int Perm = 3, Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Corrupt = 11, CantOpen = 14, NotADatabase = 26;

        /// <summary>Checks every page's structure and that a write transaction can be made (then rolled back).</summary>
        /// <exception cref="DataDirectoryException">Corrupt or not writable.</exception>
        public static void Check(SqliteConnection connection, string path)
        {
            using var check = connection.CreateCommand();
            // quick_check walks every b-tree page without cross-checking indexes: linear in the file, fast enough
            // for an emulator's registry, and it finds the damaged pages a later DELETE would trip over.
            check.CommandText = "PRAGMA quick_check(1)";
            string verdict = check.ExecuteScalar() as string ?? "no answer";
            if (verdict != "ok")
            {
                throw CorruptRegistry(path, verdict.ReplaceLineEndings(" "));
            }

            // A read-only file opens without complaint and fails only at the first write: make that write now.
            using var probe = connection.CreateCommand();
            probe.CommandText = "BEGIN IMMEDIATE; PRAGMA user_version = 0; ROLLBACK;";
            probe.ExecuteNonQuery();
        }

        /// <summary>What an SQLite error met while opening means for the data directory, or null when it is no file problem.</summary>
        public static DataDirectoryException? Explain(SqliteException ex, string path) => ex.SqliteErrorCode switch
        {
            Corrupt or NotADatabase => CorruptRegistry(path, ex.Message, ex),
            Perm or ReadOnly or CantOpen or IoError => new DataDirectoryException(DataDirectoryProblem.NotWritable,
                $"registry {path} cannot be written ({ex.Message}): make the data directory and the files in it writable", ex),
            Busy or Locked => new DataDirectoryException(DataDirectoryProblem.InUse,
                $"registry {path} is locked by another process ({ex.Message})", ex),
            _ => null,
        };

        private static DataDirectoryException CorruptRegistry(string path, string detail, SqliteException? inner = null) =>
            new(DataDirectoryProblem.Corrupt,
                $"registry {path} is corrupt ({detail}); move it aside (with its -wal and -shm files) to start with an empty registry", inner);
    }
}
