using System.Threading.Tasks;
using NanoFleet.Station.Simulator;
using NanoFleet.Station.Tests.Batch;
using NanoFleet.Tests.Postgres;
using Xunit;

namespace NanoFleet.Station.Dashboard.Tests
{
    /// <summary>The browser test of <see cref="DashboardBrowserTests"/> on a real PostgreSQL 15 (a throwaway server); screenshot TestResults/dashboard-postgresql.png.</summary>
    [Collection(PostgresCollection.Name)]
    public class DashboardBrowserPostgresTests
    {
        private readonly PostgresServer _server;

        public DashboardBrowserPostgresTests(PostgresServer server) => _server = server;

        [Fact]
        public async Task Page_FollowsASimulatedBatchLive_MatchesTheDatabase_Postgres()
        {
            string db = _server.ConnectionString(_server.CreateDatabase());
            using var fixture = new StationFixture(DashboardBrowserTests.Devices,
                i => i == DashboardBrowserTests.FailingDevice ? new SimulatorFaults { UnplugAfterFlashBytes = 5000 } : null, throttle: true);
            await using var dashboard = await RunningDashboard.StartAsync(db);

            await DashboardBrowserTests.FollowBatch(fixture.Options(database: db), fixture.Devices[DashboardBrowserTests.FailingDevice].Host.PortPath, dashboard, db, "dashboard-postgresql.png");
        }
    }
}
