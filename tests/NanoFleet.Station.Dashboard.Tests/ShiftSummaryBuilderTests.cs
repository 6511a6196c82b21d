using System;
using System.Linq;
using NanoFleet.Station.Dashboard.Snapshot;
using NanoFleet.Station.Records;
using Xunit;

namespace NanoFleet.Station.Dashboard.Tests
{
    public class ShiftSummaryBuilderTests
    {
        private static readonly DateTimeOffset Now = new(2026, 12, 4, 16, 40, 0, TimeSpan.Zero);

        private static DeviceRecord Device(string station, string mac, DeviceResult result, FailureCause cause, DateTimeOffset started) => new()
        {
            Station = station, Port = "/dev/ttyUSB0", Mac = mac, Result = result, Cause = cause,
            StartedUtc = started, FinishedUtc = result == DeviceResult.InProgress ? null : started.AddSeconds(30),
        };

        [Fact]
        public void Build_YieldPerShiftAndStation_FailuresByCause()
        {
            var records = new[]
            {
                Device("line-1", "aa:01", DeviceResult.Ok, FailureCause.None, Now.AddHours(-1)),
                Device("line-1", "aa:02", DeviceResult.Failed, FailureCause.Write, Now.AddHours(-1)),
                Device("line-1", "aa:02", DeviceResult.Ok, FailureCause.None, Now.AddMinutes(-50)),
                Device("line-2", "aa:03", DeviceResult.Failed, FailureCause.Verify, Now.AddMinutes(-20)),
                Device("line-2", "aa:04", DeviceResult.Refused, FailureCause.WrongChip, Now.AddMinutes(-10)),
                Device("line-2", "aa:05", DeviceResult.InProgress, FailureCause.None, Now.AddMinutes(-1)),
                // Before the shift: not counted anywhere.
                Device("line-3", "aa:06", DeviceResult.Failed, FailureCause.Connect, Now.AddHours(-9)),
            };

            ShiftSummary summary = ShiftSummaryBuilder.Build(records, Now, TimeSpan.FromHours(8), version: 3);

            Assert.Equal(3, summary.Version);
            Assert.Equal(Now.AddHours(-8), summary.ShiftStartUtc);
            Assert.Equal(new YieldView("", Devices: 5, Ok: 2, Yield: 0.4, Attempts: 6), summary.Shift);
            Assert.Equal(new[] { new YieldView("line-1", 2, 2, 1.0, 3), new YieldView("line-2", 3, 0, 0.0, 3) }, summary.Stations);
            // aa:02's write failure was retried and is no device's last attempt; it still counts as an attempt.
            // aa:05, in progress, is no failure.
            Assert.Equal(new[]
            {
                new CauseView("verify", 1, 1), new CauseView("wrong-chip", 1, 1), new CauseView("write", 0, 1),
            }, summary.Failures);
        }

        [Fact]
        public void Build_Throughput_OkDevicesPerQuarterHourAsRatePerHour_EveryBucketOfTheShift()
        {
            var records = new[]
            {
                Device("line-1", "aa:01", DeviceResult.Ok, FailureCause.None, new DateTimeOffset(2026, 12, 4, 16, 1, 0, TimeSpan.Zero)),
                Device("line-1", "aa:02", DeviceResult.Ok, FailureCause.None, new DateTimeOffset(2026, 12, 4, 16, 10, 0, TimeSpan.Zero)),
                Device("line-1", "aa:03", DeviceResult.Ok, FailureCause.None, new DateTimeOffset(2026, 12, 4, 16, 31, 0, TimeSpan.Zero)),
                Device("line-1", "aa:04", DeviceResult.Failed, FailureCause.Write, new DateTimeOffset(2026, 12, 4, 16, 32, 0, TimeSpan.Zero)),
            };

            ShiftSummary summary = ShiftSummaryBuilder.Build(records, Now, TimeSpan.FromHours(1), version: 1);

            // 15:40 → 16:40: the buckets 15:30, 15:45, 16:00, 16:15, 16:30.
            Assert.Equal(new[] { "15:30", "15:45", "16:00", "16:15", "16:30" }, summary.Throughput.Select(p => p.StartUtc.ToString("HH:mm")));
            Assert.Equal(new[] { 0, 0, 2, 0, 1 }, summary.Throughput.Select(p => p.Devices));
            Assert.Equal(new[] { 0.0, 0, 8, 0, 4 }, summary.Throughput.Select(p => p.PerHour));
        }
    }
}
