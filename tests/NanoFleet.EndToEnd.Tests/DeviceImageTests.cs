using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoFleet.Cli.Device;
using NanoFleet.Hal.Host.Flash;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Station.Claim;
using NanoFleet.Station.Partitions;
using Xunit;

namespace NanoFleet.EndToEnd.Tests
{
    /// <summary>The whole-device image: layout, the MAC record, and reading it back as a boot does.</summary>
    public sealed class DeviceImageTests : IDisposable
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), "nf-image-" + Guid.NewGuid().ToString("N") + ".bin");
        private readonly PartitionTable _table = DefaultPartitions.Load(null);

        [Fact]
        public void Build_LaysOutTableAndClaimAndLeavesEverythingElseErased()
        {
            byte[] claim = ClaimImage();
            byte[] image = DeviceImageBuilder.Build(_table, claim, "024e46000001");

            Assert.Equal(4 * 1024 * 1024, image.Length);
            Assert.Equal(_table.ToBinary(), image.AsSpan(0x8000, PartitionTable.MaxLength).ToArray());
            var claimRow = _table.Find("esp_secure_cert")!;
            int tableEnd = 0x8000 + PartitionTable.MaxLength;
            for (int i = 0; i < image.Length; i++)
            {
                bool inTable = i >= 0x8000 && i < tableEnd;
                bool inClaim = i >= claimRow.Offset && i < claimRow.Offset + claimRow.Size;
                if (!inTable && !inClaim && image[i] != 0xFF)
                {
                    Assert.Fail($"byte 0x{i:X} outside the table and the claim is 0x{image[i]:X2}, not erased");
                }
            }
        }

        [Fact]
        public void Build_RefusesACorruptClaimImage_NamingTheRecord()
        {
            byte[] claim = ClaimImage();
            claim[SecureCertTlv.HeaderSize + 40] ^= 0x01; // a bit flipped inside the first record's data

            var error = Assert.Throws<InvalidDataException>(() => DeviceImageBuilder.Build(_table, claim, "024e46000001"));
            Assert.Contains("the CA_CERT record at offset 0 has a bad CRC", error.Message);
        }

        [Fact]
        public void Open_ReadsBackClaimAndMacAsABootDoes()
        {
            File.WriteAllBytes(_path, DeviceImageBuilder.Build(_table, ClaimImage(), "a4cf12003456"));

            using var image = DeviceImage.Open(_path);

            Assert.Equal("a4cf12003456", image.MacAddress);
            Assert.Equal("tpl-1", image.Claim.TemplateName);
            Assert.Equal("NF0042", image.Claim.Parameters.Get("SerialNumber"));
            Assert.Equal(8883, image.Claim.EndpointPort);
        }

        [Fact]
        public void WithMac_KeepsEveryRecordAndTheIntegrityDigestValid()
        {
            byte[] claim = ClaimImage();
            byte[] withMac = VirtualEfuse.WithMac(claim, Convert.FromHexString("024e46000007"));

            var parsed = new ProvisioningClaim();
            Assert.Equal(FpStatus.Success, ClaimPartition.Parse(withMac, 0, withMac.Length, parsed, out string error));
            Assert.Equal("", error);
            var records = Records(withMac);
            Assert.Equal(Records(claim).Where(r => r.Type != SecureCertTlv.TypeIntegrity).Select(r => r.Type).Append(VirtualEfuse.MacType).Append(SecureCertTlv.TypeIntegrity), records.Select(r => r.Type));
            var integrity = records.Last();
            Assert.Equal(SHA256.HashData(withMac.AsSpan(0, integrity.Offset)), withMac.AsSpan(integrity.DataOffset, 32).ToArray());
            Assert.Equal(withMac, VirtualEfuse.WithMac(withMac, Convert.FromHexString("024e46000007")));
        }

        public void Dispose() => File.Delete(_path);

        private static System.Collections.Generic.List<SecureCertTlvRecord> Records(byte[] image)
        {
            var list = new System.Collections.Generic.List<SecureCertTlvRecord>();
            var reader = new SecureCertTlvReader(image, 0, image.Length);
            while (true)
            {
                var record = new SecureCertTlvRecord();
                if (reader.Next(record, out _) != TlvStatus.Success)
                {
                    return list;
                }

                list.Add(record);
            }
        }

        private static byte[] ClaimImage()
        {
            // One clock reading: a leaf whose notAfter is read a second later than its CA's is refused.
            DateTimeOffset now = DateTimeOffset.UtcNow;
            using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var caRequest = new CertificateRequest("CN=Image Test CA", caKey, HashAlgorithmName.SHA256);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var cert = new CertificateRequest("CN=claim", key, HashAlgorithmName.SHA256)
                .Create(ca, now.AddDays(-1), now.AddYears(1), new byte[] { 1, 2, 3, 4 });
            return new ClaimImageBuilder()
                .WithCaPem(ca.ExportCertificatePem())
                .WithClaimCertificatePem(cert.ExportCertificatePem())
                .WithClaimKeyPem(key.ExportPkcs8PrivateKeyPem())
                .WithEndpoint("127.0.0.1", 8883)
                .WithTemplate("tpl-1")
                .WithFormat(FpFormat.Json)
                .WithParameter("SerialNumber", "NF0042")
                .Build().Bytes;
        }
    }
}
