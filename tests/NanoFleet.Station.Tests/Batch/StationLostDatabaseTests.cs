using System.Linq;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Records;
using NanoFleet.Tests.Postgres;
using Xunit;

namespace NanoFleet.Station.Tests.Batch
{
    /// <summary>
    /// PostgreSQL drops the station's connections (pg_terminate_backend) in the middle of a device: that
    /// device fails with cause record-store, the other port is unaffected, and nothing is written half.
    /// </summary>
    [Collection(PostgresCollection.Name)]
    public class StationLostDatabaseTests
    {
        private readonly PostgresServer _server;

        public StationLostDatabaseTests(PostgresServer server) => _server = server;

        [Theory]
        [InlineData("allocated")]
        [InlineData("writing")]
        public void ConnectionTerminated_MidDevice_ThatDeviceFailsWithRecordStoreCause_NothingHalfWritten(string when)
        {
            string database = _server.CreateDatabase();
            string db = _server.ConnectionString(database);
            using var fixture = new StationFixture(2);
            string cutPort = fixture.Devices[0].Host.PortPath;
            int terminated = 0;
            var runner = new StationRunner(fixture.Options(database: db))
            {
                Checkpoint = (port, point) =>
                {
                    if (port == cutPort && point == when)
                    {
                        terminated = _server.TerminateConnections(database);
                    }
                },
            };

            var results = runner.Run();

            Assert.True(terminated > 0, "no backend was terminated");
            DeviceRecord cut = results.Single(r => r.Port == cutPort);
            Assert.Equal((DeviceResult.Failed, FailureCause.RecordStore), (cut.Result, cut.Cause));
            Assert.StartsWith("record store failed: ", cut.Error, System.StringComparison.Ordinal);
            Assert.DoesNotContain(_server.Password, cut.Error, System.StringComparison.Ordinal);

            using IRecordStore store = RecordStores.Open(db);
            var rows = store.All();
            var allocated = store.AllocatedSerials();
            Assert.DoesNotContain(rows, r => r.Result == DeviceResult.InProgress);
            Assert.Equal((DeviceResult.Failed, FailureCause.RecordStore), rows.Where(r => r.Port == cutPort).Select(r => (r.Result, r.Cause)).Single());
            // The other port may have lost its connection too (terminated at the same instant), but each
            // device is one whole row, every serial names one row, and every row's serial was allocated.
            Assert.Equal(2, rows.Count);
            Assert.Equal(allocated.Keys.OrderBy(s => s), rows.Select(r => r.Serial).OrderBy(s => s));
            Assert.All(rows, r => Assert.Equal(allocated[r.Serial], r.Mac));
            Assert.Equal("failed", store.LivePorts().Single(p => p.Port == cutPort).Step);
        }
    }
}
