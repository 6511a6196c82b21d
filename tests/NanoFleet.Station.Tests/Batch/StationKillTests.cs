using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using NanoFleet.Station.Records;
using Xunit;

namespace NanoFleet.Station.Tests.Batch
{
    /// <summary>
    /// `nanofleet station run` as a real process, killed (SIGKILL) at random moments, then run again on
    /// the same database until every device is ok: no record lost, no serial reused.
    /// </summary>
    public class StationKillTests
    {
        [Fact]
        public void KilledProcess_ThenResumed_NoRecordLost_NoSerialReused()
        {
            using var fixture = new StationFixture(2, throttle: true); // held to 921600 baud, so kills land mid-write
            string app = Path.Combine(fixture.Directory, "app.bin");
            File.WriteAllBytes(app, Station.Simulator.SyntheticAppImage.Build(384 * 1024, 5));
            var random = new Random(42);
            int kills = 0, leftInProgress = 0;
            for (int round = 0; round < 8; round++)
            {
                // --reflash: every killed round does real work even on devices an earlier round finished.
                using NanofleetProcess child = Start(fixture, app);
                Process station = child.Process;
                bool killThisRound = kills < 3;
                // The kill waits for a device in progress, then lands at a random point of its work:
                // a fixed delay from process start misses it on a loaded machine, where start-up alone
                // can outlast the delay.
                if (killThisRound && WaitForDeviceInProgress(fixture, station) && !station.WaitForExit(random.Next(0, 1500)))
                {
                    station.Kill(entireProcessTree: true);
                    kills++;
                }

                Assert.True(station.WaitForExit(60_000), "station run did not finish");
                if (killThisRound)
                {
                    using var peek = new SqliteRecordStore(fixture.Database);
                    leftInProgress += peek.All().Count(r => r.Result == DeviceResult.InProgress);
                }
                using var check = new SqliteRecordStore(fixture.Database);
                if (!killThisRound && check.All().Where(r => r.Result == DeviceResult.Ok).Select(r => r.Mac).Distinct().Count() == 2)
                {
                    break;
                }
            }

            Assert.True(kills > 0, "no run was killed");
            Assert.True(leftInProgress > 0, "no kill landed while a device was being handled");
            using var db = new SqliteRecordStore(fixture.Database);
            db.MarkInterrupted();
            var rows = db.All();
            var allocated = db.AllocatedSerials();

            // Each device ended ok exactly once, with the one serial bound to its MAC.
            var ok = rows.Where(r => r.Result == DeviceResult.Ok).ToList();
            Assert.Equal(2, ok.Select(r => r.Mac).Distinct().Count());
            Assert.Equal(2, allocated.Count);
            Assert.All(rows.Where(r => r.Serial.Length > 0), r => Assert.Equal(allocated[r.Serial], r.Mac));
            Assert.DoesNotContain(rows, r => r.Result == DeviceResult.InProgress);
        }

        private static bool WaitForDeviceInProgress(StationFixture fixture, Process station)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && !station.HasExited)
            {
                if (File.Exists(fixture.Database))
                {
                    try
                    {
                        using var peek = new SqliteRecordStore(fixture.Database);
                        if (peek.All().Any(r => r.Result == DeviceResult.InProgress)) return true;
                    }
                    catch (Microsoft.Data.Sqlite.SqliteException)
                    {
                        // The station holds a write lock for a moment; look again.
                    }
                }
                Thread.Sleep(20);
            }
            return false;
        }

        private static NanofleetProcess Start(StationFixture fixture, string app) => NanofleetProcess.Start(new[]
        {
            "station", "run", "--ports", string.Join(",", fixture.Devices.Select(d => d.Host.PortPath)),
            "--claim-dir", fixture.ClaimDir, "--template", "fleet-tpl", "--serial-prefix", "NF-",
            "--partitions", RepoFiles.PartitionsCsv, "--db", fixture.Database, "--firmware", "factory=" + app,
            "--baud", "921600", "--reflash",
        });
    }
}
