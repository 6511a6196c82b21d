using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using NanoFleet.Station.Records;
using NanoFleet.Tests.Postgres;
using Xunit;

namespace NanoFleet.Station.Tests.Records
{
    /// <summary>The guarantees every record store gives, proved on SQLite and on a real PostgreSQL alike.</summary>
    [Collection(PostgresCollection.Name)]
    public class RecordStoreContractTests
    {
        private static readonly TimeSpan LongLease = TimeSpan.FromHours(1);
        private readonly PostgresServer _server;

        public RecordStoreContractTests(PostgresServer server) => _server = server;

        [Theory]
        [InlineData(StoreKinds.Sqlite)]
        [InlineData(StoreKinds.Postgres)]
        public void Begin_FourConnectionsRacing_UniqueSerialsWithoutGaps(string kind)
        {
            string db = StoreKinds.NewDb(kind, _server);
            var serials = new ConcurrentBag<string>();
            using var start = new Barrier(4);
            var stations = Enumerable.Range(0, 4).Select(station => new Thread(() =>
            {
                using IRecordStore store = RecordStores.Open(db);
                start.SignalAndWait();
                for (int i = 0; i < 50; i++)
                {
                    serials.Add(store.Begin(Device($"st-{station}", $"mac-{station}-{i}"), "NF-").Serial);
                }
            })).ToList();
            stations.ForEach(t => t.Start());
            stations.ForEach(t => t.Join());

            Assert.Equal(Enumerable.Range(1, 200).Select(n => $"NF-{n:D6}"), serials.OrderBy(s => s));
            using IRecordStore check = RecordStores.Open(db);
            Assert.Equal(200, check.AllocatedSerials().Count);
            Assert.Equal(200, check.All().Count(r => r.Result == DeviceResult.InProgress));
        }

        [Theory]
        [InlineData(StoreKinds.Sqlite)]
        [InlineData(StoreKinds.Postgres)]
        public void MarkInterrupted_LeavesALiveStationsDevices_MarksAKilledOnesAtItsNextRun(string kind)
        {
            string db = StoreKinds.NewDb(kind, _server);
            using IRecordStore line1 = RecordStores.Open(db);
            long run1 = line1.StartRun("line-1", LongLease);
            (long live, string serial) = line1.Begin(Device("line-1", "aa:01") with { RunId = run1 }, "NF-");

            using IRecordStore line2 = RecordStores.Open(db);
            line2.StartRun("line-2", LongLease);
            Assert.Equal(0, line2.MarkInterrupted());
            Assert.Equal(DeviceResult.InProgress, line2.All().Single().Result);

            // line-1 was killed; its next run takes over its name and its unfinished device.
            line2.StartRun("line-1", LongLease);
            Assert.Equal(1, line2.MarkInterrupted());
            DeviceRecord interrupted = line2.All().Single(r => r.Id == live);
            Assert.Equal((DeviceResult.Failed, FailureCause.Interrupted, serial), (interrupted.Result, interrupted.Cause, interrupted.Serial));
            Assert.Equal("aa:01", line2.AllocatedSerials()[serial]);
        }

        [Theory]
        [InlineData(StoreKinds.Sqlite)]
        [InlineData(StoreKinds.Postgres)]
        public void MarkInterrupted_AnotherStationsLapsedLease_MarksItsDevices_AHeartbeatKeepsThemLive(string kind)
        {
            string db = StoreKinds.NewDb(kind, _server);
            using IRecordStore dead = RecordStores.Open(db);
            using IRecordStore alive = RecordStores.Open(db);
            long deadRun = dead.StartRun("line-1", TimeSpan.FromSeconds(1));
            long aliveRun = alive.StartRun("line-2", TimeSpan.FromSeconds(1));
            long deadRow = dead.Begin(Device("line-1", "aa:01") with { RunId = deadRun }, "NF-").Id;
            long aliveRow = alive.Begin(Device("line-2", "aa:02") with { RunId = aliveRun }, "NF-").Id;

            using IRecordStore line3 = RecordStores.Open(db);
            line3.StartRun("line-3", LongLease);
            int marked = 0;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (marked == 0 && DateTime.UtcNow < deadline)
            {
                alive.Heartbeat(aliveRun);
                marked = line3.MarkInterrupted();
            }

            Assert.Equal(1, marked);
            Assert.Equal(FailureCause.Interrupted, line3.All().Single(r => r.Id == deadRow).Cause);
            Assert.Equal(DeviceResult.InProgress, line3.All().Single(r => r.Id == aliveRow).Result);
        }

        [Theory]
        [InlineData(StoreKinds.Sqlite)]
        [InlineData(StoreKinds.Postgres)]
        public void IsProvisioned_ByAnyStation_AndReportAndLatestFilterByStation(string kind)
        {
            string db = StoreKinds.NewDb(kind, _server);
            using IRecordStore line1 = RecordStores.Open(db);
            using IRecordStore line2 = RecordStores.Open(db);
            long ok = line1.Begin(Device("line-1", "aa:01"), "NF-").Id;
            line1.Finish(ok, DeviceResult.Ok, FailureCause.None, "", "cert", "factory=abc");
            long failed = line2.Begin(Device("line-2", "aa:02"), "NF-").Id;
            line2.Finish(failed, DeviceResult.Failed, FailureCause.Write, "unplugged", "cert", "");

            Assert.True(line2.IsProvisioned("aa:01"));
            Assert.False(line1.IsProvisioned("aa:02"));
            Assert.Equal(new[] { "line-1", "line-2" }, line2.All().Select(r => r.Station));
            Assert.Equal("aa:02", line1.All("line-2").Single().Mac);
            Assert.Equal(new[] { failed, ok }, line1.Latest(10).Select(r => r.Id));
            Assert.Equal(ok, line1.Latest(10, result: DeviceResult.Ok).Single().Id);
            Assert.Empty(line1.Latest(10, "line-2", DeviceResult.Ok));
            Assert.Equal(failed, line1.Latest(1).Single().Id);
            DeviceRecord stored = line2.All("line-1").Single();
            Assert.Equal(("factory=abc", "cert", DeviceResult.Ok), (stored.ImageSha256s, stored.ClaimCertSha256, stored.Result));
            Assert.NotNull(stored.FinishedUtc);
        }

        [Theory]
        [InlineData(StoreKinds.Sqlite)]
        [InlineData(StoreKinds.Postgres)]
        public void ReportPort_UpsertsOneRowPerStationPort(string kind)
        {
            string db = StoreKinds.NewDb(kind, _server);
            using IRecordStore store = RecordStores.Open(db);
            var at = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
            store.ReportPort(new PortStatus("line-1", "/dev/ttyUSB0", "", "", "", "connect", 0, 0, "", at));
            store.ReportPort(new PortStatus("line-1", "/dev/ttyUSB0", "ESP32", "aa:01", "NF-000001", "write factory", 5, 10, "", at.AddSeconds(1)));
            store.ReportPort(new PortStatus("line-2", "/dev/ttyUSB0", "ESP32", "aa:02", "", "failed", 0, 0, "no answer", at));

            using IRecordStore reader = RecordStores.Open(db);
            Assert.Equal(new[]
            {
                new PortStatus("line-1", "/dev/ttyUSB0", "ESP32", "aa:01", "NF-000001", "write factory", 5, 10, "", at.AddSeconds(1)),
                new PortStatus("line-2", "/dev/ttyUSB0", "ESP32", "aa:02", "", "failed", 0, 0, "no answer", at),
            }, reader.LivePorts());
        }

        [Theory]
        [InlineData(StoreKinds.Sqlite)]
        [InlineData(StoreKinds.Postgres)]
        public void Open_DatabaseOnANewerSchema_RefusedInOneLineNamingBothVersions(string kind)
        {
            string db = StoreKinds.NewDb(kind, _server);
            using (var store = (DbRecordStore)RecordStores.Open(db))
            {
                store.Execute("INSERT INTO schema_version(version) VALUES(99)");
            }

            var refused = Assert.Throws<RecordStoreException>(() => RecordStores.Open(db));
            Assert.Contains("version 99, newer than this nanofleet's 2", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', refused.Message);
            Assert.DoesNotContain(_server.Password, refused.Message, StringComparison.Ordinal);
        }

        private static DeviceRecord Device(string station, string mac) =>
            new() { Station = station, Port = "/dev/ttyUSB0", Mac = mac, Chip = "ESP32", StartedUtc = DateTimeOffset.UtcNow };
    }
}
