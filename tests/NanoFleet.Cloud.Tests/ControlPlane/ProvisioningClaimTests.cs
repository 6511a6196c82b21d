using System;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests.ControlPlane
{
    /// <summary>CreateProvisioningClaim: a trusted user's temporary claim, bound to one template, refused at connect after five minutes.</summary>
    public class ProvisioningClaimTests
    {
        [Fact]
        public async Task CreateProvisioningClaim_IssuesAFiveMinuteClaim_ThatProvisionsOverMqtt()
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            await using var env = await TestEmulator.StartAsync(b => b.WithTimeProvider(clock));
            await env.Emulator.Templates.PutAsync("fleet", TemplateBodies.Fleet);
            var api = new ControlPlaneCaller(env.Emulator);

            var claim = (await api.CallAsync("POST", "/provisioning-templates/fleet/provisioning-claim"))!;

            Assert.Equal("arn:aws:iot:us-east-1:123456789012:provisioningtemplate/fleet",
                api.ResourceArnOf("POST", "/provisioning-templates/fleet/provisioning-claim"));
            var expiration = DateTimeOffset.FromUnixTimeMilliseconds((long)(claim["expiration"]!.GetValue<double>() * 1000));
            Assert.InRange(expiration - clock.GetUtcNow(), TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
            string pem = claim["certificatePem"]!.GetValue<string>();
            using (var certificate = X509Certificate2.CreateFromPem(pem))
            {
                Assert.Equal(expiration, new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
                Assert.Equal(claim["certificateId"]!.GetValue<string>(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(certificate.RawData)));
                Assert.Equal(certificate.PublicKey.ExportSubjectPublicKeyInfo(),
                    Convert.FromBase64String(claim["keyPair"]!["PublicKey"]!.GetValue<string>().Replace("-----BEGIN PUBLIC KEY-----", "").Replace("-----END PUBLIC KEY-----", "")));
            }

            Assert.Equal(expiration, Assert.Single(await env.Emulator.Claims.ListAsync()).ExpiresAt);
            await using var device = await TestDevice.ConnectAsync(env.Emulator.Port, env.Emulator.CaCertificatePem, pem,
                claim["keyPair"]!["PrivateKey"]!.GetValue<string>());
            var (_, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("installed-1"));
            Assert.True(registered.Accepted);
            Assert.Equal("ThingPrefix_installed-1", registered.Text("thingName"));
        }

        [Fact]
        public async Task TemporaryClaim_AfterFiveMinutesOnTheEmulatorClock_FailsTheTlsHandshake()
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            await using var env = await TestEmulator.StartAsync(b => b.WithTimeProvider(clock));
            await env.Emulator.Templates.PutAsync("fleet", TemplateBodies.Fleet);
            var claim = await env.Emulator.Claims.CreateTemporaryAsync("fleet");
            Assert.NotNull(claim.Expiration);

            clock.Advance(TimeSpan.FromMinutes(4));
            await using (var inTime = await env.ConnectAsync(claim))
            {
                Assert.True(inTime.IsConnected);
            }

            clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => env.ConnectAsync(claim));
            // A CONNACK refusal would be TestDevice's InvalidOperationException: this one never got past TLS.
            Assert.IsNotType<InvalidOperationException>(refused);

            // A factory claim made at the same instant has no such limit.
            var factory = await env.Emulator.Claims.CreateAsync("fleet");
            Assert.Null(factory.Expiration);
            await using var lasting = await env.ConnectAsync(factory);
            Assert.True(lasting.IsConnected);
        }

        [Fact]
        public async Task CreateProvisioningClaim_ForAMissingOrMisnamedTemplate_IsAwsError_AndRegistersNothing()
        {
            await using var env = await TestEmulator.StartAsync();
            var api = new ControlPlaneCaller(env.Emulator);

            var missing = await api.FailsAsync("POST", "/provisioning-templates/nope/provisioning-claim");
            Assert.Equal((404, "ResourceNotFoundException"), (missing.StatusCode, missing.ErrorType));
            var misnamed = await api.FailsAsync("POST", "/provisioning-templates/bad.name/provisioning-claim");
            Assert.Equal((400, "InvalidRequestException"), (misnamed.StatusCode, misnamed.ErrorType));
            Assert.Empty(await env.Emulator.Certificates.ListAsync());
        }

        [Fact]
        public async Task ListCertificates_LeavesTemporaryClaimsOut_AsAwsDoes()
        {
            await using var env = await TestEmulator.StartAsync();
            await env.Emulator.Templates.PutAsync("fleet", TemplateBodies.Fleet);
            var factory = await env.Emulator.Claims.CreateAsync("fleet");
            var temporary = await env.Emulator.Claims.CreateTemporaryAsync("fleet");
            var api = new ControlPlaneCaller(env.Emulator);

            var listed = (JsonArray)(await api.CallAsync("GET", "/certificates"))!["certificates"]!;

            Assert.Equal(factory.CertificateId, Assert.Single(listed)!["certificateId"]!.GetValue<string>());
            var described = (await api.CallAsync("GET", $"/certificates/{temporary.CertificateId}"))!["certificateDescription"]!;
            Assert.Equal("ACTIVE", described["status"]!.GetValue<string>());
        }
    }
}
