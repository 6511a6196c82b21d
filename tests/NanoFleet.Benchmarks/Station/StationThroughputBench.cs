using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoFleet.Hal.Host.Flash;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Operations;
using NanoFleet.Station.Partitions;
using NanoFleet.Station.Rom;
using NanoFleet.Station.Simulator;
using NanoFleet.Station.Targets;

namespace NanoFleet.Benchmarks.Station
{
    /// <summary>
    /// Station throughput over simulated ESP32 ROM loaders behind real socat pty pairs, with the
    /// simulator holding its input to the baud rate (921,600 baud, 8N1 ≈ 92,160 bytes/s):
    /// raw-write efficiency against line rate, seconds per device for table + claim + 1.8 MB app
    /// against the line-rate limit of the bytes actually sent, and devices per hour on 4 ports.
    /// The simulated flash is instant: a real ESP32 adds its erase/program time on top.
    /// </summary>
    public sealed class StationThroughputBench : IBench
    {
        private const int Baud = 921600;
        private const double LineBytesPerSecond = Baud / 10.0;

        /// <inheritdoc/>
        public string Name => "station";

        /// <inheritdoc/>
        public string Description => "ROM-loader throughput at 921600 baud over socat ptys: raw efficiency, s/device, devices/hour (4 ports)";

        /// <inheritdoc/>
        public int Run(string[] args)
        {
            PartitionTable layout = PartitionTable.Load(FindPartitionsCsv());
            RawThroughput();
            PerDevice(layout);
            FourPortStation(layout);
            return 0;
        }

        private static void RawThroughput()
        {
            byte[] image = new byte[512 * 1024];
            new Random(1).NextBytes(image);
            using var device = new Device(1);
            EspTarget target = device.Connect();
            var writer = new FlashWriter(target) { Compress = false };
            long writeTicks = 0;
            var clock = new Stopwatch();
            writer.ProgressChanged += (_, e) =>
            {
                if (e.Stage.StartsWith("write", StringComparison.Ordinal) && !clock.IsRunning) clock.Start();
                if (e.Stage.StartsWith("verify", StringComparison.Ordinal) && clock.IsRunning) { clock.Stop(); writeTicks = clock.ElapsedTicks; }
            };
            var result = writer.Write(new FlashRegion("factory", 0x10000, image));
            double seconds = (double)writeTicks / Stopwatch.Frequency;
            double rate = image.Length / seconds;
            Console.WriteLine($"raw write      : {image.Length} bytes in {seconds:0.00} s = {rate / 1000:0.0} KB/s, " +
                $"{rate / LineBytesPerSecond:P1} of line rate ({LineBytesPerSecond / 1000:0.0} KB/s) [target >= 90%]");
        }

        private static void PerDevice(PartitionTable layout)
        {
            using var claim = new ClaimMaterial();
            byte[] app = SyntheticAppImage.Build(1_800_000, 7);
            using var device = new Device(2);
            var clock = Stopwatch.StartNew();
            EspTarget target = device.Connect();
            DeviceIdentity identity = DeviceIdentity.Read(target);
            byte[] claimImage = claim.Directory.Builder("fleet-tpl").WithParameter("SerialNumber", "NF-000001")
                .WithParameter("MacAddress", identity.MacText).Build().Bytes;
            var regions = new[]
            {
                new FlashRegion("partition-table", layout.Options.TableOffset, layout.ToBinary()),
                new FlashRegion("esp_secure_cert", layout.Get("esp_secure_cert").Offset, claimImage),
                new FlashRegion("factory", layout.Get("factory").Offset, app),
            };
            target.ChangeBaud(Baud);
            var results = new FlashWriter(target).WriteAll(regions);
            double seconds = clock.Elapsed.TotalSeconds;
            long wire = results.Sum(r => (long)r.WireBytes);
            long total = results.Sum(r => (long)r.Size);
            double limit = wire / LineBytesPerSecond;
            Console.WriteLine($"per device     : table + claim + {app.Length / 1e6:0.0} MB app = {total} bytes, {wire} compressed " +
                $"({(double)wire / total:P0}); {seconds:0.00} s incl. connect and MD5 verify; line-rate limit for the compressed bytes " +
                $"{limit:0.00} s ({limit / seconds:P1} of it achieved)");
        }

        private static void FourPortStation(PartitionTable layout)
        {
            using var claim = new ClaimMaterial();
            var devices = Enumerable.Range(0, 4).Select(i => new Device(10 + i)).ToList();
            try
            {
                string db = Path.Combine(claim.Path, "station.db");
                var options = new StationOptions
                {
                    Ports = devices.Select(d => d.Host.PortPath).ToList(),
                    Claim = claim.Directory,
                    Template = "fleet-tpl",
                    SerialPrefix = "NF-",
                    Layout = layout,
                    Firmware = new[] { ("factory", SyntheticAppImage.Build(1_800_000, 7), "nanoCLR.bin") },
                    Database = db,
                    Baud = Baud,
                };
                var clock = Stopwatch.StartNew();
                var records = new StationRunner(options).Run();
                double seconds = clock.Elapsed.TotalSeconds;
                int ok = records.Count(r => r.Result == NanoFleet.Station.Records.DeviceResult.Ok);
                Console.WriteLine($"4-port station : {ok}/4 devices ok in {seconds:0.00} s per round = {ok * 3600 / seconds:0} devices/hour " +
                    "(flashing only; add fixture handling time per round)");
            }
            finally
            {
                devices.ForEach(d => d.Dispose());
            }
        }

        private static string FindPartitionsCsv()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "partitions.csv");
                if (File.Exists(candidate)) return candidate;
            }

            throw new FileNotFoundException("partitions.csv not found above " + AppContext.BaseDirectory);
        }

        /// <summary>A throttled simulated ESP32 on a pty pair.</summary>
        private sealed class Device : IDisposable
        {
            private readonly NorFlash _chip = NorFlash.CreateBlank(4 * 1024 * 1024);
            private SerialPortLink? _port;

            public Device(int n)
            {
                Host = new SimulatorHost(new NorFlashMemory(_chip), new SimulatedChip(new byte[] { 0x24, 0x0A, 0xC4, 0, 0, (byte)n }, 301));
            }

            public SimulatorHost Host { get; }

            public EspTarget Connect()
            {
                _port = new SerialPortLink(Host.PortPath, 115200);
                EspTarget target = Connector.Connect(new RomLink(_port));
                Connector.PrepareFlash(target, (uint)_chip.Size);
                target.ChangeBaud(Baud);
                return target;
            }

            public void Dispose()
            {
                _port?.Dispose();
                Host.Dispose();
                _chip.Dispose();
            }
        }

        /// <summary>Claim material made now, in a temp directory.</summary>
        private sealed class ClaimMaterial : IDisposable
        {
            public ClaimMaterial()
            {
                Path = System.IO.Directory.CreateTempSubdirectory("nanofleet-bench-").FullName;
                using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                using X509Certificate2 cert = new CertificateRequest("CN=bench claim", key, HashAlgorithmName.SHA256)
                    .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                File.WriteAllText(System.IO.Path.Combine(Path, "ca.pem"), cert.ExportCertificatePem());
                File.WriteAllText(System.IO.Path.Combine(Path, "claim.pem"), cert.ExportCertificatePem());
                File.WriteAllText(System.IO.Path.Combine(Path, "claim.key"), key.ExportPkcs8PrivateKeyPem());
                File.WriteAllText(System.IO.Path.Combine(Path, "endpoint.txt"), "localhost:8883");
                Directory = ClaimDirectory.Load(Path);
            }

            public string Path { get; }

            public ClaimDirectory Directory { get; }

            public void Dispose() => System.IO.Directory.Delete(Path, recursive: true);
        }
    }
}
