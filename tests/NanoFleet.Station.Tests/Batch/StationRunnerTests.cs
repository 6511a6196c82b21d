using System;
using System.IO;
using System.Linq;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Records;
using NanoFleet.Station.Simulator;
using Xunit;

namespace NanoFleet.Station.Tests.Batch
{
    public class StationRunnerTests
    {
        [Fact]
        public void Run_TwoPorts_BothFlashedVerifiedAndRecorded_DistinctSerials()
        {
            using var fixture = new StationFixture(2);
            var records = new StationRunner(fixture.Options()).Run();

            Assert.All(records, r => Assert.Equal(DeviceResult.Ok, r.Result));
            Assert.Equal(new[] { "NF-000001", "NF-000002" }, records.Select(r => r.Serial).OrderBy(s => s).ToArray());

            using var db = new SqliteRecordStore(fixture.Database);
            var stored = db.All();
            Assert.Equal(2, stored.Count);
            foreach (DeviceRecord r in stored)
            {
                Assert.Equal("line-1", r.Station);
                Assert.Equal("alice", r.Operator);
                Assert.Equal(301, r.ChipRevision);
                Assert.Equal(64, r.ClaimCertSha256.Length);
                Assert.Contains("factory=", r.ImageSha256s);
                Assert.Contains("esp_secure_cert=", r.ImageSha256s);
                Assert.NotNull(r.FinishedUtc);
            }

            // The device's claim partition carries its serial and MAC, readable by the firmware's own parser.
            foreach (var device in fixture.Devices)
            {
                var row = StationFixture.Layout.Get("esp_secure_cert");
                byte[] image = device.ReadFlash((int)row.Offset, (int)row.Size);
                var claim = new ProvisioningClaim();
                Assert.Equal(FpStatus.Success, ClaimPartition.Parse(image, 0, image.Length, claim, out string error));
                string mac = string.Join(":", device.Host.Chip.Mac.Select(b => b.ToString("x2")));
                DeviceRecord mine = stored.Single(r => r.Mac == mac);
                Assert.Equal(mine.Serial, claim.Parameters.Get("SerialNumber"));
                Assert.Equal(mac, claim.Parameters.Get("MacAddress"));
                Assert.Equal(StationFixture.Layout.ToBinary(), device.ReadFlash((int)StationFixture.Layout.Options.TableOffset, 0xC00));
            }
        }

        [Fact]
        public void Run_AlreadyProvisioned_RefusedUnlessReflash_KeepsSerial()
        {
            using var fixture = new StationFixture(1);
            var first = new StationRunner(fixture.Options()).Run().Single();
            var again = new StationRunner(fixture.Options()).Run().Single();
            var reflash = new StationRunner(fixture.Options(reflash: true)).Run().Single();

            Assert.Equal(DeviceResult.Refused, again.Result);
            Assert.Equal(FailureCause.AlreadyProvisioned, again.Cause);
            Assert.Contains("--reflash", again.Error);
            Assert.Equal(DeviceResult.Ok, reflash.Result);
            Assert.Equal(first.Serial, reflash.Serial);
        }

        [Fact]
        public void Run_WriteFault_RecordedAsFailure_WithCause()
        {
            using var fixture = new StationFixture(1, _ => new SimulatorFaults { UnplugAfterFlashBytes = 5000 });
            var options = fixture.Options();
            var record = new StationRunner(options).Run().Single();

            Assert.Equal(DeviceResult.Failed, record.Result);
            Assert.Equal(FailureCause.Write, record.Cause);
            Assert.StartsWith("Failed to", record.Error);
            using var db = new SqliteRecordStore(fixture.Database);
            var report = YieldReport.From(db.All());
            Assert.Equal(0, report.Ok);
            Assert.Equal(1, report.DevicesFailedBy[FailureCause.Write]);
        }

        [Fact]
        public void Records_AndExport_NeverHoldThePrivateKey()
        {
            using var fixture = new StationFixture(1);
            new StationRunner(fixture.Options()).Run();

            string keyBody = fixture.KeyPem.Split('\n')[1];
            byte[] dbBytes = File.ReadAllBytes(fixture.Database);
            string wal = fixture.Database + "-wal";
            string everything = System.Text.Encoding.ASCII.GetString(dbBytes) +
                (File.Exists(wal) ? System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(wal)) : "");
            Assert.DoesNotContain(keyBody, everything);
            Assert.DoesNotContain("PRIVATE KEY", everything);

            using var db = new SqliteRecordStore(fixture.Database);
            var csv = new StringWriter();
            RecordCsv.Write(csv, db.All());
            Assert.DoesNotContain("PRIVATE KEY", csv.ToString());
            Assert.StartsWith(RecordCsv.Header, csv.ToString());
        }
    }
}
