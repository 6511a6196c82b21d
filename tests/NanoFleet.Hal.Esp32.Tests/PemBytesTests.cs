using System;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace NanoFleet.Hal.Esp32.Tests
{
    public class PemBytesTests
    {
        [Fact]
        public void WithTerminator_RealKeyPem_IsAsciiPlusNul_AndStillParses()
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            string pem = key.ExportPkcs8PrivateKeyPem();

            byte[] bytes = PemBytes.WithTerminator(Encoding.UTF8.GetBytes(pem))!;

            Assert.Equal(pem.Length + 1, bytes.Length);
            Assert.Equal(0, bytes[^1]);
            Assert.Equal(pem, Encoding.ASCII.GetString(bytes, 0, bytes.Length - 1));
            using var reparsed = ECDsa.Create();
            reparsed.ImportFromPem(Encoding.ASCII.GetString(bytes, 0, bytes.Length - 1));
            Assert.Equal(key.ExportParameters(false).Q.X, reparsed.ExportParameters(false).Q.X);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("-----BEGIN CERTIFICATE-----\nMIIé\n-----END CERTIFICATE-----\n")]   // non-ASCII
        [InlineData("-----BEGIN CERTIFICATE-----\0\n-----END CERTIFICATE-----\n")]     // an early terminator would truncate the parse
        public void WithTerminator_BadParams(string? pem)
        {
            Assert.Null(PemBytes.WithTerminator(pem == null ? null : Encoding.UTF8.GetBytes(pem)));
        }

        [Fact]
        public void Wipe_ZeroesEveryByte_AndIgnoresNull()
        {
            byte[] secret = PemBytes.WithTerminator(Encoding.UTF8.GetBytes("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))!;
            PemBytes.Wipe(secret);
            Assert.All(secret, b => Assert.Equal(0, b));
            PemBytes.Wipe(null);
        }
    }
}
