using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>Tokens: bound to their certificate and claim, expire after one hour, then the certificate is deleted.</summary>
    public class OwnershipTokenTests
    {
        [Fact]
        public async Task ExpiredToken_IsRejected_AndTheUnactivatedCertificateIsDeleted()
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            await using var env = await TestEmulator.StartAsync(b => b.WithTimeProvider(clock));
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            var created = await Flow.CreateKeysAsync(device);
            string id = created.Text("certificateId");

            clock.Advance(TimeSpan.FromMinutes(59));
            env.Emulator.Sweep();
            Assert.NotNull(await env.Emulator.Certificates.GetAsync(id)); // still within the hour

            clock.Advance(TimeSpan.FromMinutes(2));
            var registered = await Flow.RegisterAsync(device, "fleet", created.Text("certificateOwnershipToken"), Flow.Serial("1"));
            Assert.False(registered.Accepted);
            Assert.Equal(400L, registered.Body["statusCode"]);
            Assert.Equal("InvalidCertificateOwnershipToken", registered.Text("errorCode"));
            Assert.Contains("expired", registered.Text("errorMessage"));

            env.Emulator.Sweep();
            Assert.Null(await env.Emulator.Certificates.GetAsync(id));
            Assert.Empty(await env.Emulator.Things.ListAsync());
        }

        [Fact]
        public async Task TokenUsedWithinTheHour_ActivatesAndIsNeverDeleted()
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            await using var env = await TestEmulator.StartAsync(b => b.WithTimeProvider(clock));
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            clock.Advance(TimeSpan.FromMinutes(1));
            var (created, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));
            Assert.True(registered.Accepted);
            clock.Advance(TimeSpan.FromHours(3));
            env.Emulator.Sweep();
            Assert.Equal(CertificateStatus.Active, (await env.Emulator.Certificates.GetAsync(created.Text("certificateId")))!.Status);
        }

        [Theory]
        [InlineData("", "cannot be empty")]
        [InlineData("not-a-token-we-issued", "no certificate was issued with it")]
        public async Task EmptyOrUnknownToken_IsInvalidCertificateOwnershipToken(string token, string expected)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            var registered = await Flow.RegisterAsync(device, "fleet", token, Flow.Serial("1"), "cbor");
            Assert.False(registered.Accepted);
            Assert.Equal(400L, registered.Body["statusCode"]);
            Assert.Equal("InvalidCertificateOwnershipToken", registered.Text("errorCode"));
            Assert.Contains(expected, registered.Text("errorMessage"));
        }

        [Fact]
        public async Task ForeignToken_FromAnotherClaim_IsRejected()
        {
            await using var env = await TestEmulator.StartAsync();
            var claimA = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            var claimB = await env.Emulator.Claims.CreateAsync("fleet");
            await using var a = await env.ConnectAsync(claimA);
            await using var b = await env.ConnectAsync(claimB);
            var created = await Flow.CreateKeysAsync(a);
            var registered = await Flow.RegisterAsync(b, "fleet", created.Text("certificateOwnershipToken"), Flow.Serial("1"));
            Assert.False(registered.Accepted);
            Assert.Equal("InvalidCertificateOwnershipToken", registered.Text("errorCode"));
            Assert.Contains("another claim", registered.Text("errorMessage"));
        }

        [Fact]
        public async Task UsedToken_CannotRegisterItsCertificateToASecondThing()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            var (created, first) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("A"));
            Assert.True(first.Accepted);

            foreach (string serial in new[] { "B", "A" })
            {
                var again = await Flow.RegisterAsync(device, "fleet", created.Text("certificateOwnershipToken"), Flow.Serial(serial));
                Assert.False(again.Accepted);
                Assert.Equal(400L, again.Body["statusCode"]);
                Assert.Equal("InvalidCertificateOwnershipToken", again.Text("errorCode"));
                Assert.Contains("already been used", again.Text("errorMessage"));
            }

            Assert.Equal("ThingPrefix_A", Assert.Single(await env.Emulator.Things.ListAsync()).Name);
        }

        [Fact]
        public async Task OneToken_SentTwiceAtOnce_RegistersOnce()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var a = await env.ConnectAsync(claim);
            await using var b = await env.ConnectAsync(claim);
            string token = (await Flow.CreateKeysAsync(a)).Text("certificateOwnershipToken");

            var answers = await Task.WhenAll(Flow.RegisterAsync(a, "fleet", token, Flow.Serial("A")), Flow.RegisterAsync(b, "fleet", token, Flow.Serial("B")));

            Assert.Single(answers, r => r.Accepted);
            Assert.Single(await env.Emulator.Things.ListAsync());
        }

        [Fact]
        public void ToStringAndLogs_NeverCarryKeysOrTokens()
        {
            var credentials = new ClaimCredentials("ab", "t", "CERT", "-----BEGIN PRIVATE KEY-----secret", "CA");
            Assert.DoesNotContain("PRIVATE", credentials.ToString());
        }
    }
}
