using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoFleet.Hal.Host.Flash;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Station.Partitions;

namespace NanoFleet.Benchmarks.Flash
{
    /// <summary>
    /// Flash wear of the device-credential store on the NOR model laid out from partitions.csv: sector
    /// erases and bytes programmed per provisioning (a save of a realistic RSA-2048 record), per
    /// rejection (mark bad), the most-erased sector after many cycles, and the expected life of that
    /// sector against the ESP32 flash's ~100,000 erase cycles when a device re-provisions once a day.
    /// Run: dotnet run -c Release --project tests/NanoFleet.Benchmarks -- bench flash-wear [cycles]
    /// </summary>
    public sealed class FlashWearBench : IBench
    {
        private const double EnduranceCycles = 100_000;

        /// <inheritdoc />
        public string Name => "flash-wear";

        /// <inheritdoc />
        public string Description => "sector erases and bytes programmed per provisioning; flash lifetime at one re-provisioning a day";

        /// <summary>Runs <c>args[0]</c> provisionings (1000 by default) and prints the figures.</summary>
        /// <returns>0, or 1 if the claim partition was ever erased.</returns>
        public int Run(string[] args)
        {
            int cycles = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
            var table = PartitionTable.Load(FindPartitionsCsv());
            var rows = table.Rows.Select(r => new FlashPartition(r.Name, (int)r.Offset, (int)r.Size)).ToArray();
            var credsRow = table.Get("nf_creds");
            var claimRow = table.Get("esp_secure_cert");
            using var chip = NorFlash.CreateBlank(4 * 1024 * 1024);
            var flash = new HostFlash(chip, rows);
            var store = new DeviceCredentialStore(flash.Open("nf_creds")!, null!);
            var record = Record();

            // One provisioning from blank, then steady state.
            Require(store.Save(record));
            chip.ResetCounters();
            var started = System.Diagnostics.Stopwatch.StartNew();
            for (int i = 0; i < cycles; i++)
            {
                record.ThingName = "thing-" + i;
                Require(store.Save(record));
            }

            double seconds = started.Elapsed.TotalSeconds;
            double erasesPerSave = (double)chip.SectorErases / cycles;
            double bytesPerSave = (double)chip.BytesProgrammed / cycles;
            int firstSector = (int)credsRow.Offset / NorFlash.SectorSize;
            int sectors = (int)credsRow.Size / NorFlash.SectorSize;
            long maxSectorErases = Enumerable.Range(firstSector, sectors).Max(s => chip.EraseCount(s));
            long claimErases = Enumerable.Range((int)claimRow.Offset / NorFlash.SectorSize, (int)claimRow.Size / NorFlash.SectorSize).Sum(s => chip.EraseCount(s));

            chip.ResetCounters();
            Require(store.MarkBad());
            long markBadBytes = chip.BytesProgrammed, markBadErases = chip.SectorErases;

            double wornPerProvisioning = (double)maxSectorErases / cycles; // erases of the most-used sector per provisioning
            double days = EnduranceCycles / wornPerProvisioning;
            double daysWithRejection = EnduranceCycles / (2 * wornPerProvisioning); // a rejected certificate costs a second save that day

            Console.WriteLine($"flash-wear: {cycles} provisionings on the NOR model, nf_creds = {credsRow.Size / 1024} KB at 0x{credsRow.Offset:x} ({sectors} sectors, 2 slots)");
            Console.WriteLine($"  record body                     {bytesPerSave - 32:F0} bytes padded to 32-byte blocks (RSA-2048 key + certificate PEM, thing, config); + one 32-byte header block");
            Console.WriteLine($"  per provisioning (save)         {erasesPerSave:F2} sector erases, {bytesPerSave:F0} bytes programmed");
            Console.WriteLine($"  per rejection (mark bad)        {markBadErases} sector erases, {markBadBytes} bytes programmed");
            Console.WriteLine($"  most-erased nf_creds sector     {maxSectorErases} erases = {wornPerProvisioning:F2} per provisioning (A/B alternate)");
            Console.WriteLine($"  esp_secure_cert sector erases   {claimErases} (the store never touches the claim)");
            Console.WriteLine($"  lifetime at 1 provisioning/day  {days:F0} days = {days / 365.25:F0} years to {EnduranceCycles:N0} erase cycles");
            Console.WriteLine($"  ... with a rejection every day  {daysWithRejection:F0} days = {daysWithRejection / 365.25:F0} years");
            Console.WriteLine($"  host model speed                {cycles / seconds:F0} saves/s (the NOR model, not an ESP32)");
            return claimErases == 0 ? 0 : 1;
        }

        private static void Require(StoreStatus status)
        {
            if (status != StoreStatus.Success) throw new InvalidOperationException("store operation failed: " + status);
        }

        private static DeviceCredentials Record()
        {
            using var rsa = RSA.Create(2048);
            using var cert = new CertificateRequest("CN=bench-thing", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddYears(1));
            var c = new DeviceCredentials
            {
                CertificateId = Convert.ToHexStringLower(SHA256.HashData(cert.RawData)),
                CertificatePem = System.Text.Encoding.UTF8.GetBytes(cert.ExportCertificatePem() + "\n"),
                PrivateKeyPem = System.Text.Encoding.UTF8.GetBytes(rsa.ExportRSAPrivateKeyPem() + "\n"),
                ThingName = "thing",
                TemplateName = "fleet-tpl",
                ProvisionedAtUnixSeconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            };
            c.DeviceConfiguration.Set("Fallback", "ota.example.com");
            return c;
        }

        private static string FindPartitionsCsv()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string path = Path.Combine(dir.FullName, "partitions.csv");
                if (File.Exists(path)) return path;
            }

            throw new FileNotFoundException("partitions.csv not found above " + AppContext.BaseDirectory);
        }
    }
}
