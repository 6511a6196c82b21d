using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NanoFleet.Station.Records
{
    /// <summary>
    /// The embedded record store: one SQLite file, the zero-setup default for one station (several
    /// station processes on one machine may share it). Writes take the lock at BEGIN IMMEDIATE, so serial
    /// allocation and the in-progress row commit together; WAL mode: a reader never blocks a port.
    /// </summary>
    public sealed class SqliteRecordStore : DbRecordStore
    {
        /// <summary>
        /// The schema, version N at index N-1. Version 1 is the schema stations wrote before versioning
        /// (hence IF NOT EXISTS: such a file has no schema_version yet and upgrades in place).
        /// </summary>
        internal static readonly IReadOnlyList<string> Migrations = new[]
        {
            @"CREATE TABLE IF NOT EXISTS serial_counter (prefix TEXT PRIMARY KEY, next INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS serials (serial TEXT PRIMARY KEY, mac TEXT NOT NULL, allocated_utc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS devices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  station TEXT NOT NULL, operator TEXT NOT NULL, port TEXT NOT NULL,
  started_utc TEXT NOT NULL, finished_utc TEXT,
  mac TEXT NOT NULL, chip TEXT NOT NULL, chip_revision INTEGER NOT NULL,
  serial TEXT NOT NULL, claim_cert_sha256 TEXT NOT NULL, image_sha256s TEXT NOT NULL,
  result INTEGER NOT NULL, cause INTEGER NOT NULL, error TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS devices_mac ON devices(mac);",
            @"ALTER TABLE devices ADD COLUMN run_id INTEGER NOT NULL DEFAULT 0;
CREATE INDEX devices_station ON devices(station);
CREATE INDEX devices_result ON devices(result);
CREATE TABLE station_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT, station TEXT NOT NULL,
  started_epoch INTEGER NOT NULL, heartbeat_epoch INTEGER NOT NULL, lease_seconds INTEGER NOT NULL, ended INTEGER NOT NULL);
CREATE TABLE port_status (
  station TEXT NOT NULL, port TEXT NOT NULL, chip TEXT NOT NULL, mac TEXT NOT NULL, serial TEXT NOT NULL,
  step TEXT NOT NULL, done INTEGER NOT NULL, total INTEGER NOT NULL, last_error TEXT NOT NULL, updated_utc TEXT NOT NULL,
  PRIMARY KEY (station, port));",
        };

        private readonly SqliteConnection _connection;

        /// <summary>Opens (creating when missing) the database at <paramref name="path"/> and migrates it.</summary>
        /// <exception cref="RecordStoreException">The file's schema is newer than this build knows.</exception>
        public SqliteRecordStore(string path)
            : this(Connect(path))
        {
            Path = path;
            Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;");
            Migrate(Migrations);
        }

        private SqliteRecordStore(SqliteConnection connection)
            : base(connection)
        {
            _connection = connection;
            Path = "";
        }

        /// <summary>The database file.</summary>
        public string Path { get; }

        /// <inheritdoc/>
        protected override string EpochNowSql => "unixepoch()";

        /// <inheritdoc/>
        protected override string? MigrationLockSql => null;

        /// <inheritdoc/>
        public override string Describe() => "sqlite:" + Path;

        /// <inheritdoc/>
        protected override DbTransaction BeginWrite() => _connection.BeginTransaction(deferred: false);

        /// <inheritdoc/>
        protected override object TimeValue(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

        /// <inheritdoc/>
        protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
            DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);

        private static SqliteConnection Connect(string path)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = 30,
            }.ToString());
            connection.Open();
            return connection;
        }
    }
}
