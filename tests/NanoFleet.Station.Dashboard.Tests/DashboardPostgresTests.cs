using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NanoFleet.Station.Records;
using NanoFleet.Tests.Postgres;
using Xunit;

namespace NanoFleet.Station.Dashboard.Tests
{
    /// <summary>The dashboard over a real PostgreSQL 15 whose connections are cut under it.</summary>
    [Collection(PostgresCollection.Name)]
    public class DashboardPostgresTests
    {
        private readonly PostgresServer _server;

        public DashboardPostgresTests(PostgresServer server) => _server = server;

        [Fact]
        public async Task ConnectionLost_PageToldWhyCountsKept_ThenReconnects()
        {
            string name = _server.CreateDatabase();
            string db = _server.ConnectionString(name);
            using (IRecordStore station = RecordStores.Open(db))
            {
                station.Insert(new DeviceRecord
                {
                    Station = "line-1", Port = "/dev/ttyUSB0", Mac = "24:0a:c4:00:00:01", Result = DeviceResult.Ok,
                    StartedUtc = DateTimeOffset.UtcNow.AddMinutes(-1), FinishedUtc = DateTimeOffset.UtcNow,
                });
            }

            // Polled by hand only: the background poll must not heal the store between the steps.
            await using var dashboard = await RunningDashboard.StartAsync(db, TimeSpan.FromHours(1));
            var poller = dashboard.Server.Poller;
            Assert.Equal(1, poller.Current.Summary.Shift.Ok);

            Assert.True(_server.TerminateConnections(name) >= 1);
            using (HttpResponseMessage table = await dashboard.Http.GetAsync("/api/devices"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, table.StatusCode);
                Assert.Contains("record store: ", await table.Content.ReadAsStringAsync());
            }

            // The device table's failed read closed the store; cut the reopened one too, for the poll.
            poller.Read(store => store.LivePorts());
            Assert.True(_server.TerminateConnections(name) >= 1);
            Assert.True(poller.Poll());
            Assert.StartsWith("record store: ", poller.Current.StoreError);
            Assert.Equal(1, poller.Current.Summary.Shift.Ok);
            Assert.DoesNotContain(_server.Password, poller.Current.StoreError);

            Assert.True(poller.Poll());
            Assert.Equal("", poller.Current.StoreError);
            Assert.Equal(1, poller.Current.Summary.Shift.Ok);
            Assert.Equal(HttpStatusCode.OK, (await dashboard.Http.GetAsync("/api/devices")).StatusCode);
        }
    }
}
