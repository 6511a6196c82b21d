using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using NanoFleet.Station.Claim;
using NanoFleet.Station.Images;
using NanoFleet.Station.Operations;
using NanoFleet.Station.Partitions;
using NanoFleet.Station.Records;
using NanoFleet.Station.Rom;
using NanoFleet.Station.Targets;

namespace NanoFleet.Station.Batch
{
    /// <summary>
    /// Runs the factory pipeline on every port in parallel, one device per port: identify, refuse a
    /// device any station sharing the record store already provisioned, allocate a serial, build its claim image, flash and
    /// verify, reset, and record the outcome. Every device ends as exactly one record; no key material
    /// is recorded or reported.
    /// </summary>
    public sealed class StationRunner
    {
        private readonly StationOptions _options;

        /// <summary>Creates the runner; nothing happens until <see cref="Run"/>.</summary>
        public StationRunner(StationOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.Ports.Count == 0)
            {
                throw new ArgumentException("Give at least one port.", nameof(options));
            }

            if (options.Ports.Distinct().Count() != options.Ports.Count)
            {
                throw new ArgumentException("A port is listed twice.", nameof(options));
            }

            if ((options.Claim is null) == (options.JitpCa is null))
            {
                throw new ArgumentException("Give either the claim material or the JITP factory CA.", nameof(options));
            }
        }

        /// <summary>Raised from worker threads as each port progresses.</summary>
        public event EventHandler<PortProgressEventArgs>? ProgressChanged;

        /// <summary>Test hook: called at named points of each device ("allocated", "writing", "flashed"), e.g. to freeze a port as if the station were killed there.</summary>
        public Action<string, string>? Checkpoint { get; init; }

        /// <summary>Devices that stopped stations left unfinished and this run marked interrupted at its start.</summary>
        public int MarkedInterrupted { get; private set; }

        /// <summary>
        /// Starts this station's run (its lease, renewed by a heartbeat), marks what dead stations left in
        /// progress, then handles one device per port.
        /// </summary>
        /// <returns>The final record of each port's device, in port order.</returns>
        /// <exception cref="DbException">The record store cannot be reached at start.</exception>
        /// <exception cref="RecordStoreException">The record store cannot be used (bad connection string, newer schema).</exception>
        public IReadOnlyList<DeviceRecord> Run(CancellationToken cancel = default)
        {
            long runId;
            using (IRecordStore db = OpenStore())
            {
                runId = db.StartRun(_options.StationName, _options.Lease);
                MarkedInterrupted = db.MarkInterrupted();
            }

            var results = new DeviceRecord[_options.Ports.Count];
            using (new RunHeartbeat(OpenStore, runId, _options.Lease / 4))
            {
                var threads = _options.Ports.Select((port, i) => new Thread(() => results[i] = HandlePort(port, runId, cancel))
                {
                    IsBackground = true,
                    Name = "station " + port,
                }).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());
            }

            EndRun(runId);
            return results;
        }

        private IRecordStore OpenStore() => RecordStores.Open(_options.Database, _options.DatabasePasswordFile);

        // A run whose store is gone keeps its lease until it lapses; its rows are then interrupted by the next run.
        private void EndRun(long runId)
        {
            try
            {
                using IRecordStore db = OpenStore();
                db.EndRun(runId);
            }
            catch (DbException)
            {
            }
        }

        // The record carries the attempt as it goes (Id once started, then the claim and image hashes),
        // so whichever step fails, the failure is written against what was really done.
        private DeviceRecord HandlePort(string port, long runId, CancellationToken cancel)
        {
            var record = new DeviceRecord
            {
                Station = _options.StationName,
                Operator = _options.Operator,
                Port = port,
                StartedUtc = DateTimeOffset.UtcNow,
                RunId = runId,
            };
            try
            {
                using IRecordStore db = OpenStore();
                var live = new PortStatusWriter(db, _options.StationName, port);
                try
                {
                    return Flash(db, live, ref record, cancel);
                }
                catch (Exception ex) when (ex is EspFatalException or FormatException or System.IO.IOException or UnauthorizedAccessException or OperationCanceledException)
                {
                    string error = OneLine(ex);
                    live.Failed(error);
                    Report(port, "failed", 0, 0);
                    return Fail(db, record, CauseOf(ex, record.Id), error);
                }
            }
            catch (DbException ex)
            {
                Report(port, "failed", 0, 0);
                return RecordStoreFailed(record, ex);
            }
        }

        private DeviceRecord Flash(IRecordStore db, PortStatusWriter live, ref DeviceRecord record, CancellationToken cancel)
        {
            string port = record.Port;
            using var serial = new SerialPortLink(port, 115200);
            var link = new RomLink(serial);
            Step(live, port, "connect", 0, 0);
            EspTarget target;
            try
            {
                target = Connector.Connect(link, _options.ConnectAttempts);
            }
            catch (EspFatalException ex) when (ex.Message.Contains("not an ESP32", StringComparison.Ordinal) || ex.Message.StartsWith("Unknown chip", StringComparison.Ordinal))
            {
                live.Failed(OneLine(ex));
                return Refuse(db, record, FailureCause.WrongChip, ex.Message);
            }

            DeviceIdentity identity = DeviceIdentity.Read(target);
            record = record with { Mac = identity.MacText, Chip = identity.ChipName, ChipRevision = identity.Revision };
            live.Identified(identity.ChipName, identity.MacText);
            if (!_options.Reflash && db.IsProvisioned(identity.MacText))
            {
                string refusal = $"{identity.MacText} was already provisioned by a station on {db.Describe()} (use --reflash to flash it again)";
                live.Failed(refusal);
                return Refuse(db, record, FailureCause.AlreadyProvisioned, refusal);
            }

            cancel.ThrowIfCancellationRequested();
            (long id, string serialNumber) = db.Begin(record, _options.SerialPrefix);
            record = record with { Id = id, Serial = serialNumber };
            live.Allocated(serialNumber);
            Checkpoint?.Invoke(port, "allocated");

            ClaimImage claim = BuildClaim(serialNumber, identity);
            record = record with { ClaimCertSha256 = claim.CertificateSha256 };
            FlashPlan plan = Plan(claim, target, identity);
            record = record with { ImageSha256s = string.Join(";", plan.Regions.Select(r => $"{r.Name}={r.Sha256}")) };
            Connector.PrepareFlash(target, plan.FlashSize);
            if (_options.Baud != serial.BaudRate)
            {
                target.ChangeBaud(_options.Baud);
            }

            var writer = new FlashWriter(target) { Compress = _options.Compress, BlockTimeout = _options.BlockTimeout };
            bool writing = false;
            writer.ProgressChanged += (_, e) =>
            {
                if (!writing && e.Done > 0)
                {
                    writing = true;
                    Checkpoint?.Invoke(port, "writing");
                }

                Step(live, port, e.Stage, e.Done, e.Total);
            };
            writer.WriteAll(plan.Regions);
            Checkpoint?.Invoke(port, "flashed");
            Connector.HardReset(serial);
            db.Finish(id, DeviceResult.Ok, FailureCause.None, "", record.ClaimCertSha256, record.ImageSha256s);
            Step(live, port, "done", 1, 1);
            return record with { Result = DeviceResult.Ok, FinishedUtc = DateTimeOffset.UtcNow };
        }

        // A device that never got its row (no serial yet) is inserted whole; a started one is finished.
        private static DeviceRecord Fail(IRecordStore db, DeviceRecord record, FailureCause cause, string error)
        {
            record = record with { Result = DeviceResult.Failed, Cause = cause, Error = error, FinishedUtc = DateTimeOffset.UtcNow };
            if (record.Id > 0)
            {
                db.Finish(record.Id, DeviceResult.Failed, cause, error, record.ClaimCertSha256, record.ImageSha256s);
            }
            else
            {
                db.Insert(record);
            }

            return record;
        }

        // The port's own connection is gone, so the failure is written on a fresh one. When that fails too,
        // the row stays in progress with its serial allocated, and the next run marks it interrupted.
        private DeviceRecord RecordStoreFailed(DeviceRecord record, DbException ex)
        {
            string error = "record store failed: " + OneLine(ex);
            try
            {
                using IRecordStore db = OpenStore();
                DeviceRecord failed = Fail(db, record, FailureCause.RecordStore, error);
                var live = new PortStatusWriter(db, record.Station, record.Port);
                live.Identified(record.Chip, record.Mac);
                live.Allocated(record.Serial);
                live.Failed(error);
                return failed;
            }
            catch (DbException)
            {
                return record with { Result = DeviceResult.Failed, Cause = FailureCause.RecordStore, Error = error, FinishedUtc = DateTimeOffset.UtcNow };
            }
        }

        /// <summary>The device's esp_secure_cert image: the shared claim with its parameters, or (JITP) a certificate of its own
        /// whose commonName is its serial number. Either way the record keeps the SHA-256 of the certificate in the image.</summary>
        private ClaimImage BuildClaim(string serialNumber, DeviceIdentity identity)
        {
            PartitionRow row = _options.Layout.Get(FlashPlanner.ClaimPartition);
            if (_options.JitpCa is { } jitp)
            {
                return jitp.Builder(serialNumber).Builder.WithPartitionSize((int)row.Size).Build();
            }

            return _options.Claim!.Builder(_options.Template)
                .WithParameter("SerialNumber", serialNumber)
                .WithParameter("MacAddress", identity.MacText)
                .WithPartitionSize((int)row.Size)
                .Build();
        }

        private FlashPlan Plan(ClaimImage claim, EspTarget target, DeviceIdentity identity)
        {
            var planner = new FlashPlanner(_options.Layout)
            {
                ChipId = target.ImageChipId, ChipName = target.ChipName, BootloaderOffset = target.BootloaderFlashOffset,
            };
            if (_options.Bootloader is (byte[] bootloader, string bootSource))
            {
                planner.AddBootloader(bootloader, bootSource);
                AppImage.Parse(bootloader, bootSource, "bootloader image").CheckRevision(identity.Revision);
            }

            planner.AddTable(_options.Layout.ToBinary(), "partitions.csv");
            planner.AddClaim(claim.Bytes, "claim image");
            foreach ((string where, byte[] image, string source) in _options.Firmware)
            {
                planner.AddApp(where, image, source);
                AppImage.Parse(image, source).CheckRevision(identity.Revision);
            }

            return planner.Build();
        }

        private static DeviceRecord Refuse(IRecordStore db, DeviceRecord record, FailureCause cause, string error)
        {
            record = record with { Result = DeviceResult.Refused, Cause = cause, Error = error, FinishedUtc = DateTimeOffset.UtcNow };
            db.Insert(record);
            return record;
        }

        private static FailureCause CauseOf(Exception ex, long id) => ex switch
        {
            OperationCanceledException => FailureCause.Interrupted,
            FormatException => FailureCause.BadImage,
            EspFatalException e when e.Message.StartsWith("Failed to verify", StringComparison.Ordinal) => FailureCause.Verify,
            _ when id <= 0 => FailureCause.Connect,
            _ => FailureCause.Write,
        };

        private static string OneLine(Exception ex) => ex.Message.Replace('\n', ' ').Replace('\r', ' ');

        private void Step(PortStatusWriter live, string port, string stage, long done, long total)
        {
            live.Step(stage, done, total);
            Report(port, stage, done, total);
        }

        private void Report(string port, string stage, long done, long total) =>
            ProgressChanged?.Invoke(this, new PortProgressEventArgs(port, stage, done, total));
    }
}
