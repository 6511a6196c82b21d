using System;
using System.Collections.Generic;
using System.Linq;
using NanoFleet.Station.Records;
using NanoFleet.Station.Tests.Records;
using NanoFleet.Tests.Postgres;
using Xunit;

namespace NanoFleet.Station.Tests.Batch
{
    /// <summary>
    /// Stations as real processes sharing one record store, one of them killed mid-batch: every serial
    /// unique and bound to one MAC, every device on one station, exact totals, the killed station's
    /// devices recovered. The same guarantees on PostgreSQL (4 stations) and on one SQLite file (2).
    /// </summary>
    [Collection(PostgresCollection.Name)]
    public class StationFleetTests
    {
        private readonly PostgresServer _server;

        public StationFleetTests(PostgresServer server) => _server = server;

        [Fact]
        public void FourStations_OnePostgres_200Devices_OneKilled_UniqueSerialsExactTotals()
        {
            string database = _server.CreateDatabase("fleet");
            // The password reaches the stations only through the environment, as on a factory floor.
            string db = $"postgresql://{PostgresServer.User}@127.0.0.1:{_server.Port}/{database}";
            var environment = new Dictionary<string, string> { ["PGPASSWORD"] = _server.Password };
            string inspect = _server.ConnectionString(database);
            using var fleet = new StationFleet(db, environment, inspect);

            fleet.Run(stations: 4, ports: 2, rounds: 25, killStation: 3, killRound: 7);

            AssertFleet(fleet, inspect, stations: 4, ports: 2, rounds: 25, killStation: 3);
        }

        [Fact]
        public void TwoStations_OneSqliteFile_10Devices_OneKilled_SameGuarantees()
        {
            string db = StoreKinds.NewDb(StoreKinds.Sqlite, _server);
            using var fleet = new StationFleet(db, new Dictionary<string, string>(), db);

            fleet.Run(stations: 2, ports: 2, rounds: 5, killStation: 1, killRound: 2);

            AssertFleet(fleet, db, stations: 2, ports: 2, rounds: 5, killStation: 1);
        }

        private static void AssertFleet(StationFleet fleet, string db, int stations, int ports, int rounds, int killStation)
        {
            int devices = stations * ports * rounds;
            IReadOnlyList<DeviceRecord> rows;
            IReadOnlyDictionary<string, string> allocated;
            using (IRecordStore store = RecordStores.Open(db))
            {
                rows = store.All();
                allocated = store.AllocatedSerials();
            }

            var expectedMacs = Enumerable.Range(0, stations).SelectMany(s => Enumerable.Range(0, rounds)
                .SelectMany(r => Enumerable.Range(0, ports).Select(p => StationFleet.Mac(s, r, p)))).OrderBy(m => m);
            var ok = rows.Where(r => r.Result == DeviceResult.Ok).ToList();
            // Exact totals: every device ok exactly once, and nothing else but the killed round's leftovers.
            Assert.Equal(expectedMacs, ok.Select(r => r.Mac).OrderBy(m => m));
            Assert.Equal(devices, allocated.Count);
            Assert.Equal(Enumerable.Range(1, devices).Select(n => $"NF-{n:D6}"), allocated.Keys.OrderBy(s => s));
            Assert.All(rows, r => Assert.Equal(allocated[r.Serial], r.Mac));
            Assert.All(rows.GroupBy(r => r.Mac), device => Assert.Single(device.Select(r => r.Station).Distinct()));
            Assert.DoesNotContain(rows, r => r.Result == DeviceResult.InProgress);

            // The killed station's unfinished devices were recovered by its next run: interrupted, their
            // serials kept, then flashed ok under the same serial.
            var interrupted = rows.Where(r => r.Result != DeviceResult.Ok).ToList();
            Assert.True(fleet.KilledInProgress > 0);
            Assert.Equal(fleet.KilledInProgress, interrupted.Count);
            // Stations kept starting while others were mid-device: had any marked a live station's device,
            // that device would have been counted here (and then finished ok over its mark).
            Assert.Equal(fleet.KilledInProgress, fleet.MarkedInterrupted);
            Assert.All(interrupted, r =>
            {
                Assert.Equal((DeviceResult.Failed, FailureCause.Interrupted, StationFleet.StationName(killStation)), (r.Result, r.Cause, r.Station));
                Assert.Equal(ok.Single(o => o.Mac == r.Mac).Serial, r.Serial);
            });

            // A device another station provisioned is refused here (no --reflash).
            Assert.Equal(1, fleet.RunRound(0, 1, 0, out string refusedOutput, (_, _) => StationFleet.Mac(1, 0, 0)));
            Assert.Contains("already-provisioned", refusedOutput, StringComparison.Ordinal);

            // report and export see the whole floor; --station filters.
            using NanofleetProcess report = fleet.Cli("station", "report");
            Assert.Equal(0, report.Wait());
            Assert.Contains($"devices: {devices}   ok: {devices}   yield: 100.0 %", report.Output, StringComparison.Ordinal);
            using NanofleetProcess export = fleet.Cli("station", "export", "--csv", "--station", StationFleet.StationName(0));
            Assert.Equal(0, export.Wait());
            var lines = export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(ports * rounds + 2, lines.Length); // header, the station's devices, its one refusal
            Assert.All(lines.Skip(1), line => Assert.Contains("," + StationFleet.StationName(0) + ",", line, StringComparison.Ordinal));
        }
    }
}
