using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using NanoFleet.Station.Records;
using Xunit;

namespace NanoFleet.Station.Tests.Records
{
    public class SerialAllocationTests
    {
        [Fact]
        public void Begin_TwoPortsRacing_NoDuplicateSerials_NoGaps()
        {
            string path = Path.Combine(Directory.CreateTempSubdirectory("nanofleet-db-").FullName, "station.db");
            var serials = new ConcurrentBag<string>();
            using var start = new Barrier(2);
            var ports = Enumerable.Range(0, 2).Select(port => new Thread(() =>
            {
                using var db = new SqliteRecordStore(path);
                start.SignalAndWait();
                for (int i = 0; i < 100; i++)
                {
                    var record = new DeviceRecord { Port = $"p{port}", Mac = $"mac-{port}-{i}", StartedUtc = DateTimeOffset.UtcNow };
                    serials.Add(db.Begin(record, "NF-").Serial);
                }
            })).ToList();
            ports.ForEach(t => t.Start());
            ports.ForEach(t => t.Join());

            Assert.Equal(200, serials.Distinct().Count());
            Assert.Equal(Enumerable.Range(1, 200).Select(n => $"NF-{n:D6}"), serials.OrderBy(s => s));
            using var check = new SqliteRecordStore(path);
            Assert.Equal(200, check.AllocatedSerials().Count);
        }

        [Fact]
        public void Begin_SameMacAgain_KeepsItsSerial_AndMarkInterruptedFinishesOpenRows()
        {
            string path = Path.Combine(Directory.CreateTempSubdirectory("nanofleet-db-").FullName, "station.db");
            using var db = new SqliteRecordStore(path);
            var record = new DeviceRecord { Mac = "aa", StartedUtc = DateTimeOffset.UtcNow };
            string first = db.Begin(record, "X").Serial;
            Assert.Equal(1, db.MarkInterrupted());
            Assert.Equal(first, db.Begin(record, "X").Serial);
            Assert.Equal("X000002", db.Begin(record with { Mac = "bb" }, "X").Serial);
            Assert.Equal(FailureCause.Interrupted, db.All()[0].Cause);
        }
    }
}
