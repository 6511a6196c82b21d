using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>Refusals the way AWS refuses: SUBACK failure, closed connection, failed CONNECT.</summary>
    public class AuthorizationTests
    {
        [Theory]
        [InlineData(MqttProtocolVersion.V311)]
        [InlineData(MqttProtocolVersion.V500)]
        public async Task Claim_SubscribeOutsideItsTemplateTopics_GetsFailureSuback(MqttProtocolVersion version)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim, version: version);
            var code = await device.SubscribeAsync("$aws/provisioning-templates/other/provision/json/accepted");
            Assert.True((int)code >= 0x80, code.ToString());
            Assert.True((int)await device.SubscribeAsync("devices/#") >= 0x80);
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeAsync("$aws/certificates/create/json/accepted"));
            Assert.True(device.IsConnected);
        }

        [Theory]
        [InlineData("devices/x/telemetry")]
        [InlineData("$aws/provisioning-templates/other/provision/json")]
        public async Task Claim_PublishOutsideItsTemplateTopics_ClosesTheConnection(string topic)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            try
            {
                await device.PublishAsync(topic, "{}"u8.ToArray());
            }
            catch (Exception)
            {
                // the PUBACK never comes: the connection is closed
            }

            await device.Disconnected.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.False(device.IsConnected);
        }

        [Fact]
        public async Task PendingOrUnknownOrForeignCertificates_CannotConnect()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            var created = await Flow.CreateKeysAsync(device);

            // PENDING_ACTIVATION: issued but never registered
            await Assert.ThrowsAnyAsync<Exception>(() => TestDevice.ConnectAsync(env.Emulator.Port, env.Emulator.CaCertificatePem,
                created.Text("certificatePem"), created.Text("privateKey")));

            // a certificate from another CA
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var selfSigned = new CertificateRequest("CN=intruder", key, HashAlgorithmName.SHA256)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await Assert.ThrowsAnyAsync<Exception>(() => TestDevice.ConnectAsync(env.Emulator.Port, env.Emulator.CaCertificatePem,
                selfSigned.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem()));
        }

        [Fact]
        public async Task CertificateFromAnImpostorCaWithTheSameName_CannotConnect()
        {
            await using var env = await TestEmulator.StartAsync();
            using var realCa = X509Certificate2.CreateFromPem(env.Emulator.CaCertificatePem);
            using var fakeKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var fakeCaRequest = new CertificateRequest(realCa.SubjectName, fakeKey, HashAlgorithmName.SHA256);
            fakeCaRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var fakeCa = fakeCaRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var leaf = new CertificateRequest("CN=impostor", leafKey, HashAlgorithmName.SHA256)
                .Create(fakeCa, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), new byte[] { 1, 2, 3, 4 });
            Assert.Equal(realCa.Subject, leaf.Issuer);
            await Assert.ThrowsAnyAsync<Exception>(() => TestDevice.ConnectAsync(env.Emulator.Port, env.Emulator.CaCertificatePem,
                leaf.ExportCertificatePem(), leafKey.ExportPkcs8PrivateKeyPem()));
        }

        [Fact]
        public async Task InactiveThingCertificate_CannotConnect_AndSetInactiveClosesLiveConnection()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            var (created, _) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));
            string id = created.Text("certificateId");
            await using var thing = await TestDevice.ConnectAsync(env.Emulator.Port, env.Emulator.CaCertificatePem,
                created.Text("certificatePem"), created.Text("privateKey"), "ThingPrefix_1");

            Assert.True(await env.Emulator.Certificates.SetStatusAsync(id, CertificateStatus.Inactive));
            await thing.Disconnected.WaitAsync(TimeSpan.FromSeconds(10));
            await Assert.ThrowsAnyAsync<Exception>(() => TestDevice.ConnectAsync(env.Emulator.Port, env.Emulator.CaCertificatePem,
                created.Text("certificatePem"), created.Text("privateKey"), "ThingPrefix_1"));
        }

        [Fact]
        public async Task RevokedClaim_IsDisconnected_AndCannotReconnect_ButItsDevicesStillCan()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            var (created, _) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));

            Assert.True(await env.Emulator.Claims.RevokeAsync(claim.CertificateId));
            await device.Disconnected.WaitAsync(TimeSpan.FromSeconds(10));
            await Assert.ThrowsAnyAsync<Exception>(() => env.ConnectAsync(claim));
            Assert.Equal(CertificateStatus.Revoked, Assert.Single(await env.Emulator.Claims.ListAsync()).Status);
            await Assert.ThrowsAsync<CertificateStateException>(() => env.Emulator.Certificates.SetStatusAsync(claim.CertificateId, CertificateStatus.Active));

            await using var thing = await TestDevice.ConnectAsync(env.Emulator.Port, env.Emulator.CaCertificatePem,
                created.Text("certificatePem"), created.Text("privateKey"), "ThingPrefix_1");
            Assert.True(thing.IsConnected);
        }

        [Fact]
        public async Task ThingCertificate_IsConfinedByItsPolicy()
        {
            string template = TemplateBodies.WithThingName("{\"Ref\": \"SerialNumber\"}",
                policiesJson: TemplateBodies.PolicyDocumentResource("policy", TemplateBodies.ThingConfinedPolicy));
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("t", template);
            await using var device = await env.ConnectAsync(claim);
            var (created, registered) = await Flow.ProvisionAsync(device, "t", Flow.Serial("lamp-1"));
            Assert.True(registered.Accepted);

            await Assert.ThrowsAnyAsync<Exception>(() => env.ConnectThingAsync(created, "someone-else"));
            await using var thing = await env.ConnectThingAsync(created, "lamp-1");
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await thing.SubscribeAsync("devices/lamp-1/cmd"));
            Assert.True((int)await thing.SubscribeAsync("devices/lamp-2/cmd") >= 0x80);
        }

        [Fact]
        public async Task QoS2Subscribe_GetsNoSuback_AsOnAws()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(TestDevice.Options(env.Emulator.Port, env.Emulator.CaCertificatePem, claim.CertificatePem, claim.PrivateKeyPem, "q2", MqttProtocolVersion.V311));
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await Assert.ThrowsAnyAsync<Exception>(() => client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter("$aws/certificates/create/json/accepted", MqttQualityOfServiceLevel.ExactlyOnce).Build(), wait.Token));
            client.Dispose();
        }
    }
}
