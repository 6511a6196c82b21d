using System;
using System.Collections.Generic;
using System.Data.Common;
using Npgsql;

namespace NanoFleet.Station.Records
{
    /// <summary>
    /// The shared record store for a floor of stations: one PostgreSQL database. Writes run at READ
    /// COMMITTED; the serial counter is advanced by one upsert that locks its row, so stations queue on
    /// it for the length of one insert and never read the same value.
    /// </summary>
    public sealed class PostgresRecordStore : DbRecordStore
    {
        /// <summary>The schema, version N at index N-1; versions mean the same tables as <see cref="SqliteRecordStore.Migrations"/>.</summary>
        internal static readonly IReadOnlyList<string> Migrations = new[]
        {
            @"CREATE TABLE serial_counter (prefix TEXT PRIMARY KEY, next BIGINT NOT NULL);
CREATE TABLE serials (serial TEXT PRIMARY KEY, mac TEXT NOT NULL, allocated_utc TIMESTAMPTZ NOT NULL);
CREATE TABLE devices (
  id BIGSERIAL PRIMARY KEY,
  station TEXT NOT NULL, operator TEXT NOT NULL, port TEXT NOT NULL,
  started_utc TIMESTAMPTZ NOT NULL, finished_utc TIMESTAMPTZ,
  mac TEXT NOT NULL, chip TEXT NOT NULL, chip_revision INTEGER NOT NULL,
  serial TEXT NOT NULL, claim_cert_sha256 TEXT NOT NULL, image_sha256s TEXT NOT NULL,
  result INTEGER NOT NULL, cause INTEGER NOT NULL, error TEXT NOT NULL);
CREATE INDEX devices_mac ON devices(mac);",
            @"ALTER TABLE devices ADD COLUMN run_id BIGINT NOT NULL DEFAULT 0;
CREATE INDEX devices_station ON devices(station);
CREATE INDEX devices_result ON devices(result);
CREATE TABLE station_runs (
  id BIGSERIAL PRIMARY KEY, station TEXT NOT NULL,
  started_epoch BIGINT NOT NULL, heartbeat_epoch BIGINT NOT NULL, lease_seconds BIGINT NOT NULL, ended INTEGER NOT NULL);
CREATE TABLE port_status (
  station TEXT NOT NULL, port TEXT NOT NULL, chip TEXT NOT NULL, mac TEXT NOT NULL, serial TEXT NOT NULL,
  step TEXT NOT NULL, done BIGINT NOT NULL, total BIGINT NOT NULL, last_error TEXT NOT NULL, updated_utc TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (station, port));",
        };

        // Any constant shared by every nanofleet: stations starting together on an empty database take
        // turns creating the schema instead of racing on CREATE TABLE.
        private const long MigrationLockKey = 0x4E46_5245_4353;

        private readonly NpgsqlConnection _connection;
        private readonly string _description;

        /// <summary>Connects and migrates the schema.</summary>
        /// <param name="connection">From <see cref="PostgresConnectionString.Parse"/>: pooling off, so a lost connection is never handed out again.</param>
        /// <exception cref="RecordStoreException">The database's schema is newer than this build knows.</exception>
        /// <exception cref="NpgsqlException">The server cannot be reached or refuses the login.</exception>
        public PostgresRecordStore(NpgsqlConnectionStringBuilder connection)
            : this(Connect(connection), PostgresConnectionString.Describe(connection))
        {
            Migrate(Migrations);
        }

        private PostgresRecordStore(NpgsqlConnection connection, string description)
            : base(connection)
        {
            _connection = connection;
            _description = description;
        }

        /// <inheritdoc/>
        protected override string EpochNowSql => "CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS BIGINT)";

        /// <inheritdoc/>
        protected override string? MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";

        /// <inheritdoc/>
        public override string Describe() => _description;

        /// <inheritdoc/>
        protected override DbTransaction BeginWrite() => _connection.BeginTransaction();

        /// <inheritdoc/>
        protected override object TimeValue(DateTimeOffset time) => time.ToUniversalTime();

        /// <inheritdoc/>
        protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

        private static NpgsqlConnection Connect(NpgsqlConnectionStringBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            var connection = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                connection.Open();
                return connection;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }
}
