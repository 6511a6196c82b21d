using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using NanoFleet.Hal.Host.Keys;
using Xunit;

namespace NanoFleet.Hal.Host.Tests.Keys
{
    public sealed class EcCsrSourceTests
    {
        [Fact]
        public void CreateCsr_IsASignedRequestForTheReturnedKey()
        {
            byte[] csrPem = new EcCsrSource().CreateCsr("nanofleet-a4cf12003456", out byte[] keyPem)!;

            // LoadSigningRequestPem checks the request's signature.
            var request = CertificateRequest.LoadSigningRequestPem(Encoding.UTF8.GetString(csrPem), HashAlgorithmName.SHA256);
            Assert.Equal("CN=nanofleet-a4cf12003456", request.SubjectName.Name);
            using var key = ECDsa.Create();
            key.ImportFromPem(Encoding.UTF8.GetString(keyPem));
            Assert.Equal(256, key.KeySize);
            Assert.Equal(key.ExportSubjectPublicKeyInfo(), request.PublicKey.ExportSubjectPublicKeyInfo());
        }

        [Fact]
        public void CreateCsr_MakesANewKeyEachTime()
        {
            var source = new EcCsrSource();
            source.CreateCsr("a", out byte[] first);
            source.CreateCsr("a", out byte[] second);
            Assert.NotEqual(first, second);
        }
    }
}
