using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NanoFleet.Station.Records
{
    /// <summary>
    /// The station's SQLite record store. Serial allocation and the device's in-progress row commit in
    /// one IMMEDIATE transaction, so two ports (or two station processes) never get the same serial and
    /// a killed station leaves a row naming every serial it handed out. WAL mode: a reader never blocks
    /// a port. Each instance is one connection; open one per thread.
    /// </summary>
    public sealed class StationDb : IDisposable
    {
        private readonly SqliteConnection _connection;

        /// <summary>Opens (creating when missing) the database at <paramref name="path"/>.</summary>
        public StationDb(string path)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            Path = path;
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = 30,
            }.ToString());
            _connection.Open();
            Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;");
            Execute(@"
CREATE TABLE IF NOT EXISTS serial_counter (prefix TEXT PRIMARY KEY, next INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS serials (serial TEXT PRIMARY KEY, mac TEXT NOT NULL, allocated_utc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS devices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  station TEXT NOT NULL, operator TEXT NOT NULL, port TEXT NOT NULL,
  started_utc TEXT NOT NULL, finished_utc TEXT,
  mac TEXT NOT NULL, chip TEXT NOT NULL, chip_revision INTEGER NOT NULL,
  serial TEXT NOT NULL, claim_cert_sha256 TEXT NOT NULL, image_sha256s TEXT NOT NULL,
  result INTEGER NOT NULL, cause INTEGER NOT NULL, error TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS devices_mac ON devices(mac);");
        }

        /// <summary>The database file.</summary>
        public string Path { get; }

        /// <summary>
        /// After a restart: marks rows a killed station left in progress as failed, cause Interrupted.
        /// Their serials stay allocated.
        /// </summary>
        /// <returns>Rows marked.</returns>
        public int MarkInterrupted()
        {
            using var command = Command("UPDATE devices SET result=$failed, cause=$cause, finished_utc=$now, " +
                "error='station stopped while handling this device' WHERE result=$progress");
            command.Parameters.AddWithValue("$failed", (int)DeviceResult.Failed);
            command.Parameters.AddWithValue("$cause", (int)FailureCause.Interrupted);
            command.Parameters.AddWithValue("$now", Now());
            command.Parameters.AddWithValue("$progress", (int)DeviceResult.InProgress);
            return command.ExecuteNonQuery();
        }

        /// <summary>Whether this station already provisioned the device with <paramref name="mac"/> successfully.</summary>
        public bool IsProvisioned(string mac)
        {
            using var command = Command("SELECT COUNT(*) FROM devices WHERE mac=$mac AND result=$ok");
            command.Parameters.AddWithValue("$mac", mac);
            command.Parameters.AddWithValue("$ok", (int)DeviceResult.Ok);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
        }

        /// <summary>
        /// Starts a device: in one transaction, finds the serial already bound to this MAC (a reflash
        /// or a resumed device keeps its serial) or allocates the next one, and inserts the in-progress row.
        /// </summary>
        /// <returns>The new row's id and the serial.</returns>
        public (long Id, string Serial) Begin(DeviceRecord start, string serialPrefix, int digits = 6)
        {
            ArgumentNullException.ThrowIfNull(start);
            using SqliteTransaction tx = _connection.BeginTransaction(deferred: false);
            string? serial = BoundSerial(start.Mac, tx);
            if (serial is null)
            {
                long next = NextNumber(serialPrefix, tx);
                serial = serialPrefix + next.ToString("D" + digits, CultureInfo.InvariantCulture);
                using var bind = Command("INSERT INTO serials(serial, mac, allocated_utc) VALUES($s, $mac, $now)", tx);
                bind.Parameters.AddWithValue("$s", serial);
                bind.Parameters.AddWithValue("$mac", start.Mac);
                bind.Parameters.AddWithValue("$now", Now());
                bind.ExecuteNonQuery();
            }

            long id = Insert(start with { Serial = serial, Result = DeviceResult.InProgress }, tx);
            tx.Commit();
            return (id, serial);
        }

        /// <summary>Inserts a finished row (a refusal or a failure before any serial was allocated).</summary>
        public long Insert(DeviceRecord record) => Insert(record, null);

        /// <summary>Finishes a device row with its result.</summary>
        public void Finish(long id, DeviceResult result, FailureCause cause, string error, string claimCertSha256, string imageSha256s)
        {
            using var command = Command("UPDATE devices SET result=$r, cause=$c, error=$e, finished_utc=$now, " +
                "claim_cert_sha256=$cert, image_sha256s=$images WHERE id=$id");
            command.Parameters.AddWithValue("$r", (int)result);
            command.Parameters.AddWithValue("$c", (int)cause);
            command.Parameters.AddWithValue("$e", error);
            command.Parameters.AddWithValue("$now", Now());
            command.Parameters.AddWithValue("$cert", claimCertSha256);
            command.Parameters.AddWithValue("$images", imageSha256s);
            command.Parameters.AddWithValue("$id", id);
            command.ExecuteNonQuery();
        }

        /// <summary>Every row, oldest first.</summary>
        public IReadOnlyList<DeviceRecord> All()
        {
            using var command = Command("SELECT id, station, operator, port, started_utc, finished_utc, mac, chip, chip_revision, " +
                "serial, claim_cert_sha256, image_sha256s, result, cause, error FROM devices ORDER BY id");
            using SqliteDataReader reader = command.ExecuteReader();
            var rows = new List<DeviceRecord>();
            while (reader.Read())
            {
                rows.Add(new DeviceRecord
                {
                    Id = reader.GetInt64(0),
                    Station = reader.GetString(1),
                    Operator = reader.GetString(2),
                    Port = reader.GetString(3),
                    StartedUtc = DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                    FinishedUtc = reader.IsDBNull(5) ? null : DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture),
                    Mac = reader.GetString(6),
                    Chip = reader.GetString(7),
                    ChipRevision = reader.GetInt32(8),
                    Serial = reader.GetString(9),
                    ClaimCertSha256 = reader.GetString(10),
                    ImageSha256s = reader.GetString(11),
                    Result = (DeviceResult)reader.GetInt32(12),
                    Cause = (FailureCause)reader.GetInt32(13),
                    Error = reader.GetString(14),
                });
            }

            return rows;
        }

        /// <summary>Every serial ever allocated, with its MAC.</summary>
        public IReadOnlyDictionary<string, string> AllocatedSerials()
        {
            using var command = Command("SELECT serial, mac FROM serials");
            using SqliteDataReader reader = command.ExecuteReader();
            var serials = new Dictionary<string, string>();
            while (reader.Read())
            {
                serials[reader.GetString(0)] = reader.GetString(1);
            }

            return serials;
        }

        /// <inheritdoc/>
        public void Dispose() => _connection.Dispose();

        private string? BoundSerial(string mac, SqliteTransaction tx)
        {
            using var command = Command("SELECT serial FROM serials WHERE mac=$mac ORDER BY allocated_utc DESC LIMIT 1", tx);
            command.Parameters.AddWithValue("$mac", mac);
            return command.ExecuteScalar() as string;
        }

        private long NextNumber(string prefix, SqliteTransaction tx)
        {
            using var read = Command("SELECT next FROM serial_counter WHERE prefix=$p", tx);
            read.Parameters.AddWithValue("$p", prefix);
            long next = read.ExecuteScalar() is long stored ? stored : 1;
            using var write = Command("INSERT INTO serial_counter(prefix, next) VALUES($p, $n) " +
                "ON CONFLICT(prefix) DO UPDATE SET next=$n", tx);
            write.Parameters.AddWithValue("$p", prefix);
            write.Parameters.AddWithValue("$n", next + 1);
            write.ExecuteNonQuery();
            return next;
        }

        private long Insert(DeviceRecord r, SqliteTransaction? tx)
        {
            using var command = Command(@"INSERT INTO devices(station, operator, port, started_utc, finished_utc, mac, chip,
chip_revision, serial, claim_cert_sha256, image_sha256s, result, cause, error)
VALUES($station, $operator, $port, $started, $finished, $mac, $chip, $rev, $serial, $cert, $images, $result, $cause, $error);
SELECT last_insert_rowid();", tx);
            command.Parameters.AddWithValue("$station", r.Station);
            command.Parameters.AddWithValue("$operator", r.Operator);
            command.Parameters.AddWithValue("$port", r.Port);
            command.Parameters.AddWithValue("$started", r.StartedUtc.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$finished", r.FinishedUtc is DateTimeOffset f ? f.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value);
            command.Parameters.AddWithValue("$mac", r.Mac);
            command.Parameters.AddWithValue("$chip", r.Chip);
            command.Parameters.AddWithValue("$rev", r.ChipRevision);
            command.Parameters.AddWithValue("$serial", r.Serial);
            command.Parameters.AddWithValue("$cert", r.ClaimCertSha256);
            command.Parameters.AddWithValue("$images", r.ImageSha256s);
            command.Parameters.AddWithValue("$result", (int)r.Result);
            command.Parameters.AddWithValue("$cause", (int)r.Cause);
            command.Parameters.AddWithValue("$error", r.Error);
            return (long)command.ExecuteScalar()!;
        }

        private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
        {
            SqliteCommand command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = tx;
            return command;
        }

        private void Execute(string sql)
        {
            using SqliteCommand command = Command(sql);
            command.ExecuteNonQuery();
        }

        private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
    }
}
