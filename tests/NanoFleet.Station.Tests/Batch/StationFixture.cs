using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoFleet.Station.Batch;
using NanoFleet.Station.Partitions;
using NanoFleet.Station.Simulator;
using NanoFleet.Station.Tests.Simulator;

namespace NanoFleet.Station.Tests.Batch
{
    /// <summary>A temp directory with claim material made now, a database path, and simulated devices on ptys.</summary>
    internal sealed class StationFixture : IDisposable
    {
        public StationFixture(int devices, Func<int, SimulatorFaults?>? faults = null, bool throttle = false)
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("nanofleet-station-").FullName;
            ClaimDir = Path.Combine(Directory, "claim");
            System.IO.Directory.CreateDirectory(ClaimDir);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=fleet claim", key, HashAlgorithmName.SHA256);
            using X509Certificate2 cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            KeyPem = key.ExportPkcs8PrivateKeyPem();
            File.WriteAllText(Path.Combine(ClaimDir, "ca.pem"), cert.ExportCertificatePem());
            File.WriteAllText(Path.Combine(ClaimDir, "claim.pem"), cert.ExportCertificatePem());
            File.WriteAllText(Path.Combine(ClaimDir, "claim.key"), KeyPem);
            File.WriteAllText(Path.Combine(ClaimDir, "endpoint.txt"), "localhost:8883\n");
            Database = Path.Combine(Directory, "station.db");
            Devices = Enumerable.Range(0, devices)
                .Select(i => new SimulatedDevice(faults?.Invoke(i), mac: new byte[] { 0x24, 0x0A, 0xC4, 0, 0, (byte)(i + 1) }, throttle: throttle))
                .ToList();
        }

        public string Directory { get; }

        public string ClaimDir { get; }

        public string KeyPem { get; }

        public string Database { get; }

        public List<SimulatedDevice> Devices { get; }

        public static PartitionTable Layout { get; } = PartitionTable.Load(RepoFiles.PartitionsCsv);

        public StationOptions Options(IEnumerable<SimulatedDevice>? on = null, bool reflash = false, string? database = null) => new()
        {
            Ports = (on ?? Devices).Select(d => d.Host.PortPath).ToList(),
            Claim = ClaimDirectory.Load(ClaimDir),
            Template = "fleet-tpl",
            SerialPrefix = "NF-",
            Layout = Layout,
            Firmware = new[] { ("factory", SyntheticAppImage.Build(64 * 1024, 9), "nanoCLR.bin") },
            Database = database ?? Database,
            StationName = "line-1",
            Operator = "alice",
            Reflash = reflash,
            Baud = 921600,
            ConnectAttempts = 2,
            BlockTimeout = TimeSpan.FromMilliseconds(300),
        };

        public void Dispose()
        {
            // The station opened its own port; the test's own port handle is released here too.
            Devices.ForEach(d => d.Dispose());
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
