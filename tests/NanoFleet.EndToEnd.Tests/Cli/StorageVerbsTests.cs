using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoFleet.EndToEnd.Tests.Support;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>
    /// `nanofleet partitions …` and `nanofleet image claim|show` run as a user runs them (a separate
    /// process): outputs, one-line errors without stack traces, and exit codes (0 ok, 1 damaged, 2 bad input).
    /// </summary>
    public sealed class StorageVerbsTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("nanofleet-cli-").FullName;

        public void Dispose() => Directory.Delete(_dir, true);

        [Fact]
        public void Partitions_BuildShowCheck_RoundTrip()
        {
            string table = Path.Combine(_dir, "table.bin");
            var build = Run("partitions", "build", RepoPartitionsCsv(), "-o", table);
            Assert.Equal(0, build.Code);
            Assert.Equal(0xC00, new FileInfo(table).Length);
            Assert.Equal("1485ce43f87ee5dd7da9da16832a51b8ceae0b272a89c4ed564736cd982ae51b", Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(table))));

            var show = Run("partitions", "show", table);
            Assert.Equal(0, show.Code);
            Assert.Contains("esp_secure_cert,63,6,0xd000,8K,encrypted\n", show.Out);

            var check = Run("partitions", "check", RepoPartitionsCsv());
            Assert.Equal(0, check.Code);
            Assert.Contains("OK, 7 partitions, ending at 0x400000 of the 4MB flash", check.Out);
        }

        [Fact]
        public void Partitions_BadCsv_IsExit2_WithLineAndColumn()
        {
            string csv = Path.Combine(_dir, "bad.csv");
            File.WriteAllText(csv, "nvs, data, nvs, 0x9000, 0x6000\nother, data, fat, 0xF100, 0x1000\n");
            var result = Run("partitions", "build", csv, "-o", Path.Combine(_dir, "never.bin"));
            Assert.Equal(2, result.Code);
            Assert.Equal($"nanofleet: {csv}:2:19: offset 0xf100 is not 0x1000-aligned for a data partition", result.Err.Trim());
            Assert.False(File.Exists(Path.Combine(_dir, "never.bin")));
        }

        [Fact]
        public void Partitions_ShowDamagedTable_IsExit1()
        {
            string table = Path.Combine(_dir, "table.bin");
            Assert.Equal(0, Run("partitions", "build", RepoPartitionsCsv(), "-o", table).Code);
            byte[] bytes = File.ReadAllBytes(table);
            bytes[40] ^= 0x04;
            File.WriteAllBytes(table, bytes);
            var result = Run("partitions", "show", table);
            Assert.Equal(1, result.Code);
            Assert.Contains("MD5 checksums don't match", result.Err);
            Assert.DoesNotContain("   at ", result.Err);
        }

        [Fact]
        public void Image_ClaimThenShow()
        {
            var (ca, cert, key, fingerprint, keyBody) = WritePki();
            string image = Path.Combine(_dir, "claim.bin");
            var claim = Run("image", "claim", "--ca", ca, "--cert", cert, "--key", key, "--endpoint", "emu.local:18883",
                "--template", "fleet-tpl", "--format", "cbor", "--param", "SerialNumber=SN-7", "-o", image);
            Assert.Equal(0, claim.Code);
            Assert.Contains(fingerprint, claim.Out);
            Assert.Equal(0x2000, new FileInfo(image).Length);

            var show = Run("image", "show", image);
            Assert.Equal(0, show.Code);
            Assert.Contains("sha256 " + fingerprint, show.Out);
            Assert.Contains("param.SerialNumber=SN-7", show.Out);
            Assert.Contains("claim: ok", show.Out);
            Assert.DoesNotContain(keyBody, show.Out + show.Err);
        }

        [Fact]
        public void Image_ClaimWithWrongKey_IsExit2_AndWritesNothing()
        {
            var (ca, cert, _, _, _) = WritePki();
            using var other = RSA.Create(2048);
            string wrongKey = Path.Combine(_dir, "other.key");
            File.WriteAllText(wrongKey, other.ExportRSAPrivateKeyPem());
            string image = Path.Combine(_dir, "claim.bin");
            var result = Run("image", "claim", "--ca", ca, "--cert", cert, "--key", wrongKey, "--endpoint", "h", "--template", "t", "-o", image);
            Assert.Equal(2, result.Code);
            Assert.Contains("the private key does not match the certificate", result.Err);
            Assert.False(File.Exists(image));
            Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));

            var badParam = Run("image", "claim", "--ca", ca, "--cert", cert, "--key", wrongKey, "--endpoint", "h", "--template", "t", "--param", "oops", "-o", image);
            Assert.Equal(2, badParam.Code);
            Assert.Contains("--param 'oops' is not KEY=VALUE", badParam.Err);
        }

        private (string Ca, string Cert, string Key, string Fingerprint, string KeyBody) WritePki()
        {
            using var key = RSA.Create(2048);
            using var cert = new CertificateRequest("CN=claim", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            string ca = Path.Combine(_dir, "ca.pem"), certPath = Path.Combine(_dir, "claim.pem"), keyPath = Path.Combine(_dir, "claim.key");
            File.WriteAllText(ca, cert.ExportCertificatePem());
            File.WriteAllText(certPath, cert.ExportCertificatePem());
            string keyPem = key.ExportRSAPrivateKeyPem();
            File.WriteAllText(keyPath, keyPem);
            return (ca, certPath, keyPath, Convert.ToHexStringLower(SHA256.HashData(cert.RawData)), keyPem.Split('\n')[2]);
        }

        private static CliResult Run(params string[] args) => CliRun.Run(args);

        private static string RepoPartitionsCsv()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string path = Path.Combine(dir.FullName, "partitions.csv");
                if (File.Exists(path) && File.Exists(Path.Combine(dir.FullName, "nf.sln"))) return path;
            }

            throw new InvalidOperationException("partitions.csv not found");
        }
    }
}
