using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;

namespace NanoFleet.Station.Records
{
    /// <summary>
    /// The record store's SQL, shared by SQLite and PostgreSQL: both speak `@name` parameters, upserts
    /// (`ON CONFLICT … DO UPDATE`) and `RETURNING`, so every guarantee is one statement or one
    /// transaction written once here. A subclass supplies the connection, its write transaction, its
    /// clock, how it stores a time, and its ordered list of schema migrations.
    /// </summary>
    public abstract class DbRecordStore : IRecordStore
    {
        private const string Columns = "id, station, operator, port, started_utc, finished_utc, mac, chip, chip_revision, " +
            "serial, claim_cert_sha256, image_sha256s, result, cause, error, run_id";

        private readonly DbConnection _connection;

        /// <summary>Takes an open connection; the subclass then calls <see cref="Migrate"/>.</summary>
        protected DbRecordStore(DbConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>The store's clock as whole Unix seconds, in SQL: leases are judged by the database's one clock, not each station's.</summary>
        protected abstract string EpochNowSql { get; }

        /// <summary>A statement that serialises migrations across processes inside the migration transaction; null when the write transaction already does.</summary>
        protected abstract string? MigrationLockSql { get; }

        /// <inheritdoc/>
        public abstract string Describe();

        /// <summary>Begins a transaction that holds the write lock from its first statement.</summary>
        protected abstract DbTransaction BeginWrite();

        /// <summary>A time as the store keeps it.</summary>
        protected abstract object TimeValue(DateTimeOffset time);

        /// <summary>Reads a time the store kept with <see cref="TimeValue"/>.</summary>
        protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

        /// <inheritdoc/>
        public int MarkInterrupted()
        {
            using DbCommand command = Command("UPDATE devices SET result=@failed, cause=@cause, finished_utc=@now, " +
                "error='station stopped while handling this device' WHERE result=@progress AND run_id NOT IN " +
                $"(SELECT id FROM station_runs WHERE ended=0 AND heartbeat_epoch + lease_seconds >= {EpochNowSql})");
            Add(command, "failed", (int)DeviceResult.Failed);
            Add(command, "cause", (int)FailureCause.Interrupted);
            Add(command, "now", TimeValue(DateTimeOffset.UtcNow));
            Add(command, "progress", (int)DeviceResult.InProgress);
            return command.ExecuteNonQuery();
        }

        /// <inheritdoc/>
        public long StartRun(string station, TimeSpan lease)
        {
            using DbTransaction tx = BeginWrite();
            using (DbCommand end = Command("UPDATE station_runs SET ended=1 WHERE station=@s AND ended=0", tx))
            {
                Add(end, "s", station);
                end.ExecuteNonQuery();
            }

            using DbCommand insert = Command("INSERT INTO station_runs(station, started_epoch, heartbeat_epoch, lease_seconds, ended) " +
                $"VALUES(@s, {EpochNowSql}, {EpochNowSql}, @lease, 0) RETURNING id", tx);
            Add(insert, "s", station);
            Add(insert, "lease", (long)Math.Ceiling(lease.TotalSeconds));
            long id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            tx.Commit();
            return id;
        }

        /// <inheritdoc/>
        public void Heartbeat(long runId) => RunUpdate($"heartbeat_epoch={EpochNowSql}", runId);

        /// <inheritdoc/>
        public void EndRun(long runId) => RunUpdate("ended=1", runId);

        /// <inheritdoc/>
        public bool IsProvisioned(string mac)
        {
            using DbCommand command = Command("SELECT COUNT(*) FROM devices WHERE mac=@mac AND result=@ok");
            Add(command, "mac", mac);
            Add(command, "ok", (int)DeviceResult.Ok);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
        }

        /// <inheritdoc/>
        public (long Id, string Serial) Begin(DeviceRecord start, string serialPrefix, int digits = 6)
        {
            ArgumentNullException.ThrowIfNull(start);
            using DbTransaction tx = BeginWrite();
            string? serial = BoundSerial(start.Mac, tx);
            if (serial is null)
            {
                serial = serialPrefix + NextNumber(serialPrefix, tx).ToString("D" + digits, CultureInfo.InvariantCulture);
                using DbCommand bind = Command("INSERT INTO serials(serial, mac, allocated_utc) VALUES(@s, @mac, @now)", tx);
                Add(bind, "s", serial);
                Add(bind, "mac", start.Mac);
                Add(bind, "now", TimeValue(DateTimeOffset.UtcNow));
                bind.ExecuteNonQuery();
            }

            long id = Insert(start with { Serial = serial, Result = DeviceResult.InProgress }, tx);
            tx.Commit();
            return (id, serial);
        }

        /// <inheritdoc/>
        public long Insert(DeviceRecord record) => Insert(record, null);

        /// <inheritdoc/>
        public void Finish(long id, DeviceResult result, FailureCause cause, string error, string claimCertSha256, string imageSha256s)
        {
            using DbCommand command = Command("UPDATE devices SET result=@r, cause=@c, error=@e, finished_utc=@now, " +
                "claim_cert_sha256=@cert, image_sha256s=@images WHERE id=@id");
            Add(command, "r", (int)result);
            Add(command, "c", (int)cause);
            Add(command, "e", error);
            Add(command, "now", TimeValue(DateTimeOffset.UtcNow));
            Add(command, "cert", claimCertSha256);
            Add(command, "images", imageSha256s);
            Add(command, "id", id);
            command.ExecuteNonQuery();
        }

        /// <inheritdoc/>
        public IReadOnlyList<DeviceRecord> All(string? station = null)
        {
            using DbCommand command = Command($"SELECT {Columns} FROM devices WHERE (@station IS NULL OR station=@station) ORDER BY id");
            Add(command, "station", station, DbType.String);
            return ReadRecords(command);
        }

        /// <inheritdoc/>
        public IReadOnlyList<DeviceRecord> Latest(int count, string? station = null, DeviceResult? result = null)
        {
            using DbCommand command = Command($"SELECT {Columns} FROM devices WHERE (@station IS NULL OR station=@station) " +
                "AND (@result IS NULL OR result=@result) ORDER BY id DESC LIMIT @count");
            Add(command, "station", station, DbType.String);
            Add(command, "result", result is DeviceResult r ? (int)r : null, DbType.Int32);
            Add(command, "count", count);
            return ReadRecords(command);
        }

        /// <inheritdoc/>
        public IReadOnlyDictionary<string, string> AllocatedSerials()
        {
            using DbCommand command = Command("SELECT serial, mac FROM serials");
            using DbDataReader reader = command.ExecuteReader();
            var serials = new Dictionary<string, string>();
            while (reader.Read())
            {
                serials[reader.GetString(0)] = reader.GetString(1);
            }

            return serials;
        }

        /// <inheritdoc/>
        public void ReportPort(PortStatus status)
        {
            ArgumentNullException.ThrowIfNull(status);
            using DbCommand command = Command(@"INSERT INTO port_status(station, port, chip, mac, serial, step, done, total, last_error, updated_utc)
VALUES(@station, @port, @chip, @mac, @serial, @step, @done, @total, @error, @updated)
ON CONFLICT(station, port) DO UPDATE SET chip=excluded.chip, mac=excluded.mac, serial=excluded.serial, step=excluded.step,
  done=excluded.done, total=excluded.total, last_error=excluded.last_error, updated_utc=excluded.updated_utc");
            Add(command, "station", status.Station);
            Add(command, "port", status.Port);
            Add(command, "chip", status.Chip);
            Add(command, "mac", status.Mac);
            Add(command, "serial", status.Serial);
            Add(command, "step", status.Step);
            Add(command, "done", status.Done);
            Add(command, "total", status.Total);
            Add(command, "error", status.LastError);
            Add(command, "updated", TimeValue(status.UpdatedUtc));
            command.ExecuteNonQuery();
        }

        /// <inheritdoc/>
        public IReadOnlyList<PortStatus> LivePorts()
        {
            using DbCommand command = Command("SELECT station, port, chip, mac, serial, step, done, total, last_error, updated_utc " +
                "FROM port_status ORDER BY station, port");
            using DbDataReader reader = command.ExecuteReader();
            var ports = new List<PortStatus>();
            while (reader.Read())
            {
                ports.Add(new PortStatus(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetString(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetString(8), ReadTime(reader, 9)));
            }

            return ports;
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            _connection.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// Brings the schema to the newest of <paramref name="migrations"/> (version N is migrations[N-1]),
        /// each step in the one transaction that records it; refuses a database a newer nanofleet made.
        /// </summary>
        /// <exception cref="RecordStoreException">The database's schema is newer than this build knows.</exception>
        protected void Migrate(IReadOnlyList<string> migrations)
        {
            ArgumentNullException.ThrowIfNull(migrations);
            using DbTransaction tx = BeginWrite();
            if (MigrationLockSql is string lockSql)
            {
                Execute(lockSql, tx);
            }

            Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", tx);
            using (DbCommand read = Command("SELECT MAX(version) FROM schema_version", tx))
            {
                object? stored = read.ExecuteScalar();
                int current = stored is null or DBNull ? 0 : Convert.ToInt32(stored, CultureInfo.InvariantCulture);
                if (current > migrations.Count)
                {
                    throw new RecordStoreException(
                        $"{Describe()}: the database's schema is version {current}, newer than this nanofleet's {migrations.Count}; use a newer nanofleet");
                }

                for (int version = current + 1; version <= migrations.Count; version++)
                {
                    Execute(migrations[version - 1], tx);
                    Execute($"INSERT INTO schema_version(version) VALUES({version.ToString(CultureInfo.InvariantCulture)})", tx);
                }
            }

            tx.Commit();
        }

        /// <summary>Runs SQL with no parameters (internal: tests use it to age a schema).</summary>
        internal void Execute(string sql, DbTransaction? tx = null)
        {
            using DbCommand command = Command(sql, tx);
            command.ExecuteNonQuery();
        }

        private void RunUpdate(string assignment, long runId)
        {
            using DbCommand command = Command($"UPDATE station_runs SET {assignment} WHERE id=@id");
            Add(command, "id", runId);
            command.ExecuteNonQuery();
        }

        private string? BoundSerial(string mac, DbTransaction tx)
        {
            using DbCommand command = Command("SELECT serial FROM serials WHERE mac=@mac ORDER BY allocated_utc DESC LIMIT 1", tx);
            Add(command, "mac", mac);
            return command.ExecuteScalar() as string;
        }

        // One statement reads and advances the counter under the row's write lock: two stations can never
        // read the same value, whichever of them creates the prefix's row first.
        private long NextNumber(string prefix, DbTransaction tx)
        {
            using DbCommand command = Command("INSERT INTO serial_counter(prefix, next) VALUES(@p, 2) " +
                "ON CONFLICT(prefix) DO UPDATE SET next=serial_counter.next + 1 RETURNING next - 1", tx);
            Add(command, "p", prefix);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        private long Insert(DeviceRecord r, DbTransaction? tx)
        {
            using DbCommand command = Command(@"INSERT INTO devices(station, operator, port, started_utc, finished_utc, mac, chip,
chip_revision, serial, claim_cert_sha256, image_sha256s, result, cause, error, run_id)
VALUES(@station, @operator, @port, @started, @finished, @mac, @chip, @rev, @serial, @cert, @images, @result, @cause, @error, @run)
RETURNING id", tx);
            Add(command, "station", r.Station);
            Add(command, "operator", r.Operator);
            Add(command, "port", r.Port);
            Add(command, "started", TimeValue(r.StartedUtc));
            Add(command, "finished", r.FinishedUtc is DateTimeOffset f ? TimeValue(f) : null);
            Add(command, "mac", r.Mac);
            Add(command, "chip", r.Chip);
            Add(command, "rev", r.ChipRevision);
            Add(command, "serial", r.Serial);
            Add(command, "cert", r.ClaimCertSha256);
            Add(command, "images", r.ImageSha256s);
            Add(command, "result", (int)r.Result);
            Add(command, "cause", (int)r.Cause);
            Add(command, "error", r.Error);
            Add(command, "run", r.RunId);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        private List<DeviceRecord> ReadRecords(DbCommand command)
        {
            using DbDataReader reader = command.ExecuteReader();
            var rows = new List<DeviceRecord>();
            while (reader.Read())
            {
                rows.Add(new DeviceRecord
                {
                    Id = reader.GetInt64(0),
                    Station = reader.GetString(1),
                    Operator = reader.GetString(2),
                    Port = reader.GetString(3),
                    StartedUtc = ReadTime(reader, 4),
                    FinishedUtc = reader.IsDBNull(5) ? null : ReadTime(reader, 5),
                    Mac = reader.GetString(6),
                    Chip = reader.GetString(7),
                    ChipRevision = reader.GetInt32(8),
                    Serial = reader.GetString(9),
                    ClaimCertSha256 = reader.GetString(10),
                    ImageSha256s = reader.GetString(11),
                    Result = (DeviceResult)reader.GetInt32(12),
                    Cause = (FailureCause)reader.GetInt32(13),
                    Error = reader.GetString(14),
                    RunId = reader.GetInt64(15),
                });
            }

            return rows;
        }

        private DbCommand Command(string sql, DbTransaction? tx = null)
        {
            DbCommand command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = tx;
            return command;
        }

        // A null needs its type named: PostgreSQL cannot infer one from `@x IS NULL`.
        private static void Add(DbCommand command, string name, object? value, DbType? nullType = null)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            if (nullType is DbType type)
            {
                parameter.DbType = type;
            }

            command.Parameters.Add(parameter);
        }
    }
}
