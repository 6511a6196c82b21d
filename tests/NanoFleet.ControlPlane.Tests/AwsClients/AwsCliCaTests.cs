using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.ControlPlane.Tests.Support;

namespace NanoFleet.ControlPlane.Tests.AwsClients
{
    /// <summary>Debian's AWS CLI v2 against the emulator's CA operations: AWS's registration sequence for a factory CA.</summary>
    public sealed class AwsCliCaTests : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("nf-cli-ca-").FullName;

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public async Task RegistrationCode_ThenRegisterCaCertificate_ListsTheCa_AndAWrongCodeIsRefused()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var aws = new AwsCli(cloud);
            using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var ca = FactoryCa(caKey);

            string code = (string)(await aws.JsonAsync("get-registration-code"))["registrationCode"]!;
            var wrong = await aws.RunAsync("register-ca-certificate", "--ca-certificate", Pem("ca.pem", ca),
                "--verification-certificate", Pem("wrong.pem", Verification(ca, caKey, "not-the-code")));
            var registered = await aws.JsonAsync("register-ca-certificate", "--ca-certificate", Pem("ca.pem", ca),
                "--verification-certificate", Pem("verification.pem", Verification(ca, caKey, code)), "--set-as-active", "--allow-auto-registration");
            var listed = (JsonArray)(await aws.JsonAsync("list-ca-certificates"))["certificates"]!;
            var described = (await aws.JsonAsync("describe-ca-certificate", "--certificate-id", (string)registered["certificateId"]!))["certificateDescription"]!;

            Assert.True(wrong.ExitCode == 254, wrong.ToString());
            Assert.Contains("(RegistrationCodeValidationException) when calling the RegisterCACertificate operation", wrong.Stderr);
            Assert.Equal((string)registered["certificateId"]!, (string)Assert.Single(listed)!["certificateId"]!);
            Assert.EndsWith(":cacert/" + (string)registered["certificateId"]!, (string)registered["certificateArn"]!);
            Assert.Equal(("ACTIVE", "ENABLE"), ((string)described["status"]!, (string)described["autoRegistrationStatus"]!));
        }

        private static X509Certificate2 FactoryCa(ECDsa key)
        {
            var request = new CertificateRequest("CN=NanoFleet CLI test factory CA", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddYears(1));
        }

        // AWS's proof of possession: a certificate the CA signed whose CommonName is the account's registration code.
        private static X509Certificate2 Verification(X509Certificate2 ca, ECDsa caKey, string commonName)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
            return request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), DateTimeOffset.UtcNow.AddHours(-1),
                DateTimeOffset.UtcNow.AddDays(30), RandomNumberGenerator.GetBytes(16));
        }

        private string Pem(string name, X509Certificate2 certificate)
        {
            string path = Path.Combine(_directory, name);
            File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
            return "file://" + path;
        }
    }
}
