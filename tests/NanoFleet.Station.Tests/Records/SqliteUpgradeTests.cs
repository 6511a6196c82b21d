using System;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;
using NanoFleet.Station.Records;
using Xunit;

namespace NanoFleet.Station.Tests.Records
{
    /// <summary>A station database written before schema versioning opens, upgrades in place and keeps every record.</summary>
    public class SqliteUpgradeTests
    {
        // Verbatim the schema StationDb created before versioned migrations (no schema_version table).
        private const string UnversionedSchema = @"
CREATE TABLE IF NOT EXISTS serial_counter (prefix TEXT PRIMARY KEY, next INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS serials (serial TEXT PRIMARY KEY, mac TEXT NOT NULL, allocated_utc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS devices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  station TEXT NOT NULL, operator TEXT NOT NULL, port TEXT NOT NULL,
  started_utc TEXT NOT NULL, finished_utc TEXT,
  mac TEXT NOT NULL, chip TEXT NOT NULL, chip_revision INTEGER NOT NULL,
  serial TEXT NOT NULL, claim_cert_sha256 TEXT NOT NULL, image_sha256s TEXT NOT NULL,
  result INTEGER NOT NULL, cause INTEGER NOT NULL, error TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS devices_mac ON devices(mac);
INSERT INTO serial_counter VALUES('NF-', 3);
INSERT INTO serials VALUES('NF-000001', 'aa:01', '2026-11-01T10:00:00.0000000+00:00');
INSERT INTO serials VALUES('NF-000002', 'aa:02', '2026-11-01T10:01:00.0000000+00:00');
INSERT INTO devices(station, operator, port, started_utc, finished_utc, mac, chip, chip_revision, serial, claim_cert_sha256, image_sha256s, result, cause, error)
  VALUES('line-1', 'alice', '/dev/ttyUSB0', '2026-11-01T10:00:00.0000000+00:00', '2026-11-01T10:00:30.0000000+00:00',
         'aa:01', 'ESP32', 301, 'NF-000001', 'cert', 'factory=abc', 1, 0, '');
INSERT INTO devices(station, operator, port, started_utc, finished_utc, mac, chip, chip_revision, serial, claim_cert_sha256, image_sha256s, result, cause, error)
  VALUES('line-1', 'alice', '/dev/ttyUSB1', '2026-11-01T10:01:00.0000000+00:00', NULL,
         'aa:02', 'ESP32', 301, 'NF-000002', '', '', 0, 0, '');";

        [Fact]
        public void Open_UnversionedStationFile_UpgradesInPlace_KeepsRecordsAndTheSerialCounter()
        {
            string path = Path.Combine(Directory.CreateTempSubdirectory("nanofleet-db-").FullName, "station.db");
            using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                old.Open();
                using SqliteCommand create = old.CreateCommand();
                create.CommandText = UnversionedSchema;
                create.ExecuteNonQuery();
            }

            using var store = new SqliteRecordStore(path);
            var rows = store.All();
            Assert.Equal(new[] { ("aa:01", DeviceResult.Ok, 0L), ("aa:02", DeviceResult.InProgress, 0L) }, rows.Select(r => (r.Mac, r.Result, r.RunId)));
            Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 30, TimeSpan.Zero), rows[0].FinishedUtc);

            // The old station's unfinished device belongs to no lease: the first run marks it interrupted.
            store.StartRun("line-1", TimeSpan.FromMinutes(1));
            Assert.Equal(1, store.MarkInterrupted());
            Assert.Equal("NF-000003", store.Begin(new DeviceRecord { Station = "line-1", Mac = "aa:03", StartedUtc = DateTimeOffset.UtcNow }, "NF-").Serial);
            Assert.True(store.IsProvisioned("aa:01"));

            using var version = new SqliteConnection($"Data Source={path};Pooling=False");
            version.Open();
            using SqliteCommand read = version.CreateCommand();
            read.CommandText = "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version)";
            Assert.Equal("1,2", read.ExecuteScalar());
        }
    }
}
