using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests.ControlPlane
{
    /// <summary>CreateKeysAndCertificate, DescribeCertificate, UpdateCertificate and ListCertificates, with their effect on the broker.</summary>
    public class CertificateOperationTests
    {
        [Fact]
        public async Task UpdateCertificate_InactiveTurnsAClaimOff_ClosingItsConnection_AndActiveTurnsItBackOn()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            var api = new ControlPlaneCaller(env.Emulator);
            await using var live = await env.ConnectAsync(claim);

            Assert.Null(await api.CallAsync("PUT", $"/certificates/{claim.CertificateId}?newStatus=INACTIVE"));

            await live.Disconnected.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("CONNECT refused: NotAuthorized", (await Assert.ThrowsAsync<InvalidOperationException>(() => env.ConnectAsync(claim))).Message);
            Assert.Equal("INACTIVE", (await api.CallAsync("GET", $"/certificates/{claim.CertificateId}"))!["certificateDescription"]!["status"]!.GetValue<string>());

            Assert.Null(await api.CallAsync("PUT", $"/certificates/{claim.CertificateId}?newStatus=ACTIVE"));
            await using var again = await env.ConnectAsync(claim);
            var (_, registered) = await Flow.ProvisionAsync(again, "fleet", Flow.Serial("after-reactivation"));
            Assert.True(registered.Accepted);
        }

        [Fact]
        public async Task UpdateCertificate_RefusesWhatAwsRefuses_AndChangesNothing()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            var api = new ControlPlaneCaller(env.Emulator);
            string path = $"/certificates/{claim.CertificateId}";

            foreach (string status in new[] { "PENDING_ACTIVATION", "PENDING_TRANSFER", "REGISTER_INACTIVE", "active", "BROKEN" })
            {
                var refused = await api.FailsAsync("PUT", $"{path}?newStatus={status}");
                Assert.Equal((400, "InvalidRequestException"), (refused.StatusCode, refused.ErrorType));
            }

            Assert.Equal("InvalidRequestException", (await api.FailsAsync("PUT", path)).ErrorType);
            var unknown = await api.FailsAsync("PUT", $"/certificates/{new string('0', 64)}?newStatus=INACTIVE");
            Assert.Equal((404, "ResourceNotFoundException"), (unknown.StatusCode, unknown.ErrorType));
            Assert.Equal(CertificateStatus.Active, (await env.Emulator.Certificates.GetAsync(claim.CertificateId))!.Status);

            Assert.Null(await api.CallAsync("PUT", $"{path}?newStatus=REVOKED"));
            var final = await api.FailsAsync("PUT", $"{path}?newStatus=ACTIVE");
            Assert.Equal((406, "CertificateStateException"), (final.StatusCode, final.ErrorType));
            Assert.Equal(CertificateStatus.Revoked, (await env.Emulator.Certificates.GetAsync(claim.CertificateId))!.Status);
            Assert.Null(await api.CallAsync("PUT", $"{path}?newStatus=REVOKED")); // idempotent
        }

        [Fact]
        public async Task CreateKeysAndCertificate_IsInactiveUnlessAsked_AndItsKeyPairMatchesTheCertificate()
        {
            await using var env = await TestEmulator.StartAsync();
            var api = new ControlPlaneCaller(env.Emulator);

            var inactive = (await api.CallAsync("POST", "/keys-and-certificate"))!;
            var active = (await api.CallAsync("POST", "/keys-and-certificate?setAsActive=true"))!;

            Assert.Equal(CertificateStatus.Inactive, (await env.Emulator.Certificates.GetAsync(inactive["certificateId"]!.GetValue<string>()))!.Status);
            string id = active["certificateId"]!.GetValue<string>();
            Assert.Equal($"arn:aws:iot:us-east-1:123456789012:cert/{id}", active["certificateArn"]!.GetValue<string>());
            Assert.Equal(CertificateStatus.Active, (await env.Emulator.Certificates.GetAsync(id))!.Status);
            using var certificate = X509Certificate2.CreateFromPem(active["certificatePem"]!.GetValue<string>(), active["keyPair"]!["PrivateKey"]!.GetValue<string>());
            Assert.True(certificate.HasPrivateKey);
            Assert.Contains(Convert.ToBase64String(certificate.PublicKey.ExportSubjectPublicKeyInfo())[..40], active["keyPair"]!["PublicKey"]!.GetValue<string>());
            Assert.Equal("InvalidRequestException", (await api.FailsAsync("POST", "/keys-and-certificate?setAsActive=yes")).ErrorType);
        }

        [Fact]
        public async Task DescribeCertificate_GivesAwsDescription_OrResourceNotFound()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            var api = new ControlPlaneCaller(env.Emulator);

            var description = (await api.CallAsync("GET", $"/certificates/{claim.CertificateId}"))!["certificateDescription"]!;

            Assert.Equal($"arn:aws:iot:us-east-1:123456789012:cert/{claim.CertificateId}", description["certificateArn"]!.GetValue<string>());
            Assert.Equal(claim.CertificatePem, description["certificatePem"]!.GetValue<string>());
            Assert.Equal("123456789012", description["ownedBy"]!.GetValue<string>());
            Assert.True(description["validity"]!["notAfter"]!.GetValue<double>() > description["validity"]!["notBefore"]!.GetValue<double>());
            Assert.InRange(description["creationDate"]!.GetValue<double>(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
            Assert.Equal($"arn:aws:iot:us-east-1:123456789012:cert/{claim.CertificateId}", api.ResourceArnOf("GET", $"/certificates/{claim.CertificateId}"));
            Assert.Equal("ResourceNotFoundException", (await api.FailsAsync("GET", $"/certificates/{new string('a', 64)}")).ErrorType);
        }

        [Fact]
        public async Task ListCertificates_PagesWithMarker_InTheOrderAsked()
        {
            await using var env = await TestEmulator.StartAsync();
            await env.Emulator.Templates.PutAsync("fleet", TemplateBodies.Fleet);
            var made = new List<string>();
            for (int i = 0; i < 3; i++)
            {
                made.Add((await env.Emulator.Claims.CreateAsync("fleet")).CertificateId);
            }

            var api = new ControlPlaneCaller(env.Emulator);
            var seen = new List<string>();
            string query = "/certificates?isAscendingOrder=true&pageSize=2";
            for (int pages = 1; ; pages++)
            {
                var page = (await api.CallAsync("GET", query))!;
                foreach (var item in (JsonArray)page["certificates"]!)
                {
                    seen.Add(item!["certificateId"]!.GetValue<string>());
                }

                if (page["nextMarker"] is not { } marker)
                {
                    Assert.Equal(2, pages);
                    break;
                }

                query = $"/certificates?isAscendingOrder=true&pageSize=2&marker={Uri.EscapeDataString(marker.GetValue<string>())}";
            }

            Assert.Equal(made, seen);
            var newestFirst = (JsonArray)(await api.CallAsync("GET", "/certificates"))!["certificates"]!;
            Assert.Equal(made[2], newestFirst[0]!["certificateId"]!.GetValue<string>());
            Assert.Equal("InvalidRequestException", (await api.FailsAsync("GET", "/certificates?pageSize=251")).ErrorType);
            Assert.Equal("InvalidRequestException", (await api.FailsAsync("GET", "/certificates?pageSize=0")).ErrorType);
            Assert.Equal("InvalidRequestException", (await api.FailsAsync("GET", "/certificates?marker=%21%21")).ErrorType);
        }
    }
}
