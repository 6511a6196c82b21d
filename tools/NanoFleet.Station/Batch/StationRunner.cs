using System;
using System.Collections.Generic;
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
    /// device this station already provisioned, allocate a serial, build its claim image, flash and
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

        /// <summary>
        /// Marks what a killed predecessor left in progress, then handles one device per port.
        /// </summary>
        /// <returns>The final record of each port's device, in port order.</returns>
        public IReadOnlyList<DeviceRecord> Run(CancellationToken cancel = default)
        {
            using (var db = new StationDb(_options.Database))
            {
                db.MarkInterrupted();
            }

            var results = new DeviceRecord[_options.Ports.Count];
            var threads = _options.Ports.Select((port, i) => new Thread(() => results[i] = HandlePort(port, cancel))
            {
                IsBackground = true,
                Name = "station " + port,
            }).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            return results;
        }

        private DeviceRecord HandlePort(string port, CancellationToken cancel)
        {
            using var db = new StationDb(_options.Database);
            var record = new DeviceRecord
            {
                Station = _options.StationName,
                Operator = _options.Operator,
                Port = port,
                StartedUtc = DateTimeOffset.UtcNow,
            };
            long id = -1;
            string certSha = "", images = "";
            try
            {
                using var serial = new SerialPortLink(port, 115200);
                var link = new RomLink(serial);
                Report(port, "connect", 0, 0);
                EspTarget target;
                try
                {
                    target = Connector.Connect(link, _options.ConnectAttempts);
                }
                catch (EspFatalException ex) when (ex.Message.Contains("not an ESP32", StringComparison.Ordinal) || ex.Message.StartsWith("Unknown chip", StringComparison.Ordinal))
                {
                    return Refuse(db, record, FailureCause.WrongChip, ex.Message);
                }

                DeviceIdentity identity = DeviceIdentity.Read(target);
                record = record with { Mac = identity.MacText, Chip = identity.ChipName, ChipRevision = identity.Revision };
                if (!_options.Reflash && db.IsProvisioned(identity.MacText))
                {
                    return Refuse(db, record, FailureCause.AlreadyProvisioned,
                        $"{identity.MacText} was already provisioned by this station (use --reflash to flash it again)");
                }

                cancel.ThrowIfCancellationRequested();
                (id, string serialNumber) = db.Begin(record, _options.SerialPrefix);
                record = record with { Id = id, Serial = serialNumber };
                Checkpoint?.Invoke(port, "allocated");

                ClaimImage claim = BuildClaim(serialNumber, identity);
                certSha = claim.CertificateSha256;
                FlashPlan plan = Plan(claim, target, identity);
                images = string.Join(";", plan.Regions.Select(r => $"{r.Name}={r.Sha256}"));

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

                    Report(port, e.Stage, e.Done, e.Total);
                };
                writer.WriteAll(plan.Regions);
                Checkpoint?.Invoke(port, "flashed");
                Connector.HardReset(serial);
                db.Finish(id, DeviceResult.Ok, FailureCause.None, "", certSha, images);
                Report(port, "done", 1, 1);
                return record with { Result = DeviceResult.Ok, ClaimCertSha256 = certSha, ImageSha256s = images };
            }
            catch (Exception ex) when (ex is EspFatalException or FormatException or System.IO.IOException or UnauthorizedAccessException or OperationCanceledException)
            {
                FailureCause cause = CauseOf(ex, id);
                string error = OneLine(ex);
                if (id < 0)
                {
                    record = record with { Result = DeviceResult.Failed, Cause = cause, Error = error, FinishedUtc = DateTimeOffset.UtcNow };
                    db.Insert(record);
                    return record;
                }

                db.Finish(id, DeviceResult.Failed, cause, error, certSha, images);
                Report(port, "failed", 0, 0);
                return record with { Result = DeviceResult.Failed, Cause = cause, Error = error, ClaimCertSha256 = certSha, ImageSha256s = images };
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

        private static DeviceRecord Refuse(StationDb db, DeviceRecord record, FailureCause cause, string error)
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
            _ when id < 0 => FailureCause.Connect,
            _ => FailureCause.Write,
        };

        private static string OneLine(Exception ex) => ex.Message.Replace('\n', ' ').Replace('\r', ' ');

        private void Report(string port, string stage, long done, long total) =>
            ProgressChanged?.Invoke(this, new PortProgressEventArgs(port, stage, done, total));
    }
}
