using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Records;
using Xunit;

namespace NanoFleet.Station.Tests.Batch
{
    /// <summary>
    /// A station stopped dead at random points (its ports frozen, as a killed process writes nothing
    /// more), then started again on the same database: no record lost, no serial reused.
    /// </summary>
    public class StationResumeTests
    {
        private static readonly string[] Points = { "allocated", "writing", "flashed" };

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void KilledAtRandomPoints_Resumed_AllDevicesOkOnce_SerialsNeverReused(int seed)
        {
            var random = new Random(seed);
            using var fixture = new StationFixture(2);
            var killAt = fixture.Devices.ToDictionary(d => d.Host.PortPath, _ => Points[random.Next(Points.Length)]);
            using var frozen = new ManualResetEventSlim();
            using var allStopped = new CountdownEvent(killAt.Count);
            var killed = new StationRunner(fixture.Options())
            {
                Checkpoint = (port, point) =>
                {
                    if (killAt[port] == point)
                    {
                        allStopped.Signal();
                        frozen.Wait();
                        throw new OperationCanceledException("the killed station never resumes");
                    }
                },
            };
            var killedThread = new Thread(() => killed.Run()) { IsBackground = true };
            killedThread.Start();
            Assert.True(allStopped.Wait(TimeSpan.FromSeconds(30)), "the station did not reach its kill points");

            IReadOnlyList<DeviceRecord> beforeResume;
            using (var db = new SqliteRecordStore(fixture.Database))
            {
                beforeResume = db.All();
            }

            Assert.Equal(2, beforeResume.Count);
            Assert.All(beforeResume, r => Assert.Equal(DeviceResult.InProgress, r.Result));

            var resumed = new StationRunner(fixture.Options()).Run();

            Assert.All(resumed, r => Assert.Equal(DeviceResult.Ok, r.Result));
            using var store = new SqliteRecordStore(fixture.Database);
            var rows = store.All();
            var interrupted = rows.Where(r => r.Cause == FailureCause.Interrupted).ToList();
            Assert.Equal(beforeResume.Select(r => r.Id), interrupted.Select(r => r.Id));
            // Each device kept the serial it was given before the kill; no serial went to two MACs.
            foreach (DeviceRecord r in resumed)
            {
                Assert.Equal(beforeResume.Single(b => b.Mac == r.Mac).Serial, r.Serial);
            }

            var allocated = store.AllocatedSerials();
            Assert.Equal(2, allocated.Count);
            Assert.Equal(2, allocated.Values.Distinct().Count());
            Assert.All(rows, r => Assert.Equal(allocated[r.Serial], r.Mac));

            // Let the frozen threads end; they only fail against ports the resumed run has finished with.
            frozen.Set();
            killedThread.Join(TimeSpan.FromSeconds(30));
        }
    }
}
