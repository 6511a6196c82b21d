using System;

namespace NanoFleet.Station.Records
{
    /// <summary>Opens the record store a `--db` value names.</summary>
    public static class RecordStores
    {
        /// <summary>
        /// A file path opens SQLite (created when missing); a PostgreSQL connection string
        /// ("Host=…;Database=…" or "postgresql://host:port/db") opens PostgreSQL.
        /// </summary>
        /// <param name="db">The `--db` value.</param>
        /// <param name="passwordFile">An owner-only file holding the PostgreSQL password; ignored for SQLite.</param>
        /// <returns>The store, its schema migrated to the current version.</returns>
        /// <exception cref="RecordStoreException">The store cannot be used (bad connection string, newer schema).</exception>
        /// <exception cref="System.Data.Common.DbException">The database cannot be reached or opened.</exception>
        public static IRecordStore Open(string db, string? passwordFile = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(db);
            return IsPostgres(db)
                ? new PostgresRecordStore(PostgresConnectionString.Parse(db, passwordFile))
                : new SqliteRecordStore(db);
        }

        /// <summary>Whether <paramref name="db"/> is a PostgreSQL connection string rather than a file path.</summary>
        public static bool IsPostgres(string db)
        {
            ArgumentNullException.ThrowIfNull(db);
            return db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
                || db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                || db.Contains("Host=", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>"sqlite:/path" or "postgresql://host:port/db" for messages, without opening anything or naming a password.</summary>
        public static string Describe(string db) =>
            IsPostgres(db) ? PostgresConnectionString.Describe(PostgresConnectionString.Parse(db)) : "sqlite:" + db;
    }
}
