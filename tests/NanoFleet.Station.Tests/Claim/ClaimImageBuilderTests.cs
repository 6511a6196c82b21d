using System;
using System.Linq;
using System.Text;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Storage;
using NanoFleet.Station.Claim;
using Xunit;

namespace NanoFleet.Station.Tests.Claim
{
    public class ClaimImageBuilderTests
    {
        private static readonly TestPki Pki = new();

        private static ClaimImageBuilder Builder(TestPki? pki = null, string? key = null)
        {
            pki ??= Pki;
            return new ClaimImageBuilder()
                .WithCaPem(pki.CaPem, "CA.pem")
                .WithClaimCertificatePem(pki.CertificatePem, "CLAIM.pem")
                .WithClaimKeyPem(key ?? pki.KeyPem, "CLAIM.key")
                .WithEndpoint("emu.local:18883")
                .WithTemplate("fleet-tpl")
                .WithFormat(FpFormat.Cbor)
                .WithParameter("SerialNumber", "SN-0042");
        }

        private static string Fails(ClaimImageBuilder builder) => Assert.Throws<ClaimImageException>(() => builder.Build()).Message;

        [Fact]
        public void Build_HappyPath_TheDeviceReaderAcceptsIt()
        {
            var image = Builder().Build();
            Assert.Equal(0x2000, image.Bytes.Length);
            Assert.Empty(image.Warnings);
            Assert.Equal(Pki.CertificateSha256, image.CertificateSha256);
            Assert.All(image.Bytes[image.UsedBytes..], b => Assert.Equal(0xFF, b));

            var claim = new ProvisioningClaim();
            Assert.Equal(FpStatus.Success, ClaimPartition.Parse(image.Bytes, 0, image.Bytes.Length, claim, out string error));
            Assert.Equal("", error);
            Assert.Equal(("emu.local", 18883, "fleet-tpl", FpFormat.Cbor), (claim.EndpointHost, claim.EndpointPort, claim.TemplateName, claim.Format));
            Assert.Equal("SN-0042", claim.Parameters.Get("SerialNumber"));
            Assert.Equal(Pki.CertificatePem.Replace("\r\n", "\n") + "\n", System.Text.Encoding.UTF8.GetString(claim.CertificatePem));
            Assert.Contains("BEGIN RSA PRIVATE KEY", System.Text.Encoding.UTF8.GetString(claim.PrivateKeyPem));
        }

        [Fact]
        public void Build_LaysRecordsOutLikeEspressifsTool()
        {
            var image = Builder().Build();
            var report = ClaimImageInspector.Inspect(image.Bytes);
            Assert.Equal(new byte[] { 0, 1, 2, 51, 9 }, report.Records.Select(r => r.Type).ToArray());
            Assert.All(report.Records, r => Assert.True(r.CrcValid && r.Subtype == 0 && r.Flags == 0 && r.Offset % 16 == 0));
            Assert.Equal(0, image.Bytes[report.Records[0].Offset + 12 + report.Records[0].Length - 1]); // PEM ends in NUL
            Assert.True(report.StructureValid);
            Assert.Equal("ok", report.ClaimStatus);
            Assert.StartsWith("end marker", report.End);
            Assert.Equal(new byte[] { 0xFF, 0xFF, 0x00, 0x00 }, image.Bytes[(image.UsedBytes - 4)..image.UsedBytes]);
            Assert.Contains("matches", report.Records[4].Details[0]);
            Assert.Contains(report.Records[1].Details, d => d.StartsWith("sha256 " + Pki.CertificateSha256));
        }

        [Fact]
        public void Inspect_NeverShowsKeyBytes_AndFlagsABadCrc()
        {
            var image = Builder().Build().Bytes;
            var keyRecord = ClaimImageInspector.Inspect(image).Records[2];
            string body = Pki.KeyPem.Split('\n')[1];
            image[keyRecord.Offset + 40] ^= 0x01;
            var report = ClaimImageInspector.Inspect(image);
            string all = string.Join("\n", report.Records.SelectMany(r => r.Details)) + report.ClaimStatus + report.End;
            Assert.DoesNotContain(body, all);
            Assert.False(report.Records[2].CrcValid);
            Assert.StartsWith("CRC BAD", report.Records[2].Details[0]);
            Assert.False(report.StructureValid);
            Assert.Contains("PRIV_KEY record at offset", report.ClaimStatus);
        }

        [Fact]
        public void Build_EcdsaClaim_Works() => Assert.Equal(0x2000, Builder(new TestPki(ecdsa: true)).Build().Bytes.Length);

        [Fact]
        public void Build_KeyNotMatchingCertificate() =>
            Assert.Equal("CLAIM.key: the private key does not match the certificate in CLAIM.pem", Fails(Builder(key: new TestPki().KeyPem)));

        [Fact]
        public void Build_KeyOfTheWrongAlgorithm() =>
            Assert.Contains("is not an RSA key that parses", Fails(Builder(key: new TestPki(ecdsa: true).KeyPem)));

        [Fact]
        public void Build_EncryptedKey() => Assert.Contains("password-protected", Fails(Builder(key: Pki.EncryptedKeyPem)));

        [Fact]
        public void Build_ExpiredCertificate() =>
            Assert.Contains("CLAIM.pem: the certificate 'CN=claim' expired on", Fails(Builder(new TestPki(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(-30)))));

        [Fact]
        public void Build_NotYetValidCertificate() =>
            Assert.Contains("is not valid until", Fails(Builder(new TestPki(DateTimeOffset.UtcNow.AddYears(1), DateTimeOffset.UtcNow.AddDays(2)))));

        [Fact]
        public void Build_CertificateExpiringWithin90Days_Warns()
        {
            var image = Builder(new TestPki(DateTimeOffset.UtcNow.AddDays(30))).Build();
            Assert.Single(image.Warnings);
            Assert.Contains("CLAIM.pem: the certificate 'CN=claim' expires on", image.Warnings[0]);
        }

        [Fact]
        public void Build_PemThatDoesNotParse()
        {
            Assert.Equal("CLAIM.pem: no PEM certificate (-----BEGIN CERTIFICATE-----) found", Fails(Builder().WithClaimCertificatePem("hello", "CLAIM.pem")));
            Assert.Contains("malformed", Fails(Builder().WithCaPem("-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----\n", "CA.pem")));
            Assert.Contains("CA.pem: certificate 1 does not parse",
                Fails(Builder().WithCaPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "CA.pem")));
            Assert.Contains("no PEM private key", Fails(Builder(key: Pki.CertificatePem)));
        }

        [Theory]
        [InlineData("")]
        [InlineData("has space")]
        [InlineData("a_template_name_that_is_far_too_long_")]
        public void Build_InvalidTemplateName(string name) => Assert.Contains("template name", Fails(Builder().WithTemplate(name)));

        [Fact]
        public void Build_BadEndpoint()
        {
            Assert.Contains("port '99999' is not 1-65535", Assert.Throws<ClaimImageException>(() => Builder().WithEndpoint("h:99999")).Message);
            Assert.Contains("endpoint host ''", Fails(Builder().WithEndpoint("", 8883)));
        }

        [Fact]
        public void Build_TooBigForThePartition()
        {
            var bundle = new StringBuilder();
            for (int i = 0; i < 8; i++) bundle.Append(new TestPki().CaPem).Append('\n');
            string message = Fails(Builder().WithCaPem(bundle.ToString(), "bundle.pem"));
            Assert.StartsWith("the claim image needs ", message);
            Assert.Contains("esp_secure_cert partition holds 8192", message);
        }

        [Fact]
        public void Build_MissingInputs() =>
            Assert.Equal("no claim private key was given", Fails(new ClaimImageBuilder().WithCaPem(Pki.CaPem).WithClaimCertificatePem(Pki.CertificatePem)));
    }
}
