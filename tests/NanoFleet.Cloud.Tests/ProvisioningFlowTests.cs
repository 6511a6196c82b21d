using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>The whole device flow over real mTLS: create, register, reconnect as the thing; JSON and CBOR.</summary>
    public class ProvisioningFlowTests
    {
        [Theory]
        [InlineData("json")]
        [InlineData("cbor")]
        public async Task CreateKeysAndCertificate_RegisterThing_ThenConnectAsThing_HappyPath(string format)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            bool cbor = format == "cbor";
            await using var device = await env.ConnectAsync(claim);

            var created = await device.RequestAsync($"$aws/certificates/create/{format}", cbor ? TestPayloads.Encode(new Dictionary<string, object>(), true) : "{}"u8.ToArray());
            Assert.True(created.Accepted);
            string certificateId = created.Text("certificateId");
            Assert.Matches("^[0-9a-f]{64}$", certificateId);
            using var certificate = X509Certificate2.CreateFromPem(created.Text("certificatePem"), created.Text("privateKey"));
            Assert.Equal(certificateId, System.Convert.ToHexStringLower(SHA256.HashData(certificate.RawData)));
            Assert.Equal(CertificateStatus.PendingActivation, (await env.Emulator.Certificates.GetAsync(certificateId))!.Status);

            var registered = await device.RequestAsync($"$aws/provisioning-templates/fleet/provision/{format}",
                TestPayloads.RegisterThing(created.Text("certificateOwnershipToken"), new Dictionary<string, string> { ["SerialNumber"] = "1" }, cbor));
            Assert.True(registered.Accepted, string.Join(",", registered.Body.Values));
            Assert.Equal("ThingPrefix_1", registered.Text("thingName"));
            var configuration = registered.Map("deviceConfiguration");
            Assert.Equal("https://www.example.com/test-site", configuration["FallbackUrl"]);
            Assert.Equal("https://example.aws", configuration["LocationUrl"]);

            var thing = await env.Emulator.Things.GetAsync("ThingPrefix_1");
            Assert.NotNull(thing);
            Assert.Equal(new[] { certificateId }, thing.CertificateIds);
            Assert.Equal("1", thing.Attributes["serialNumber"]);
            Assert.Equal(new[] { "v1-lightbulbs", "Seattle" }, thing.ThingGroups);
            Assert.Equal("lightBulb-versionA", thing.ThingTypeName);
            Assert.Equal(CertificateStatus.Active, (await env.Emulator.Certificates.GetAsync(certificateId))!.Status);
            Assert.Equal(1, env.Emulator.Metrics.ApproximateNumberOfThingsRegistered);

            await using var asThing = await TestDevice.ConnectAsync(env.Emulator.Port, env.Emulator.CaCertificatePem,
                created.Text("certificatePem"), created.Text("privateKey"), "ThingPrefix_1");
            Assert.True(asThing.IsConnected);
        }

        [Theory]
        [InlineData("json")]
        [InlineData("cbor")]
        public async Task CreateCertificateFromCsr_SignsWithTheCa_HappyPath(string format)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            bool cbor = format == "cbor";
            await using var device = await env.ConnectAsync(claim);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            string csr = new CertificateRequest("CN=thing-001", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();

            var created = await device.RequestAsync($"$aws/certificates/create-from-csr/{format}",
                TestPayloads.Encode(new Dictionary<string, object> { ["certificateSigningRequest"] = csr }, cbor));

            Assert.True(created.Accepted);
            Assert.False(created.Body.ContainsKey("privateKey"));
            using var issued = X509Certificate2.CreateFromPem(created.Text("certificatePem"));
            Assert.Equal("CN=thing-001", issued.Subject);
            using var ca = X509Certificate2.CreateFromPem(env.Emulator.CaCertificatePem);
            Assert.Equal(ca.Subject, issued.Issuer);
            Assert.Equal(key.ExportSubjectPublicKeyInfo(), issued.PublicKey.ExportSubjectPublicKeyInfo());

            var registered = await device.RequestAsync($"$aws/provisioning-templates/fleet/provision/{format}",
                TestPayloads.RegisterThing(created.Text("certificateOwnershipToken"), new Dictionary<string, string> { ["SerialNumber"] = "7" }, cbor));
            Assert.True(registered.Accepted);
            await using var asThing = await TestDevice.ConnectAsync(env.Emulator.Port, env.Emulator.CaCertificatePem,
                created.Text("certificatePem"), key.ExportPkcs8PrivateKeyPem(), "ThingPrefix_7");
            Assert.True(asThing.IsConnected);
        }
    }
}
