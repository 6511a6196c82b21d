using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.ControlPlane.Tests.Support;

namespace NanoFleet.ControlPlane.Tests.AwsClients
{
    /// <summary>Debian's AWS CLI v2 against the emulator's certificate operations and the trusted user's CreateProvisioningClaim.</summary>
    public sealed class AwsCliCertificateTests
    {
        [Fact]
        public async Task CreateKeysAndCertificate_ReturnsAKeyPairForAnInactiveCertificate()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var aws = new AwsCli(cloud);

            var created = await aws.JsonAsync("create-keys-and-certificate");

            string id = (string)created["certificateId"]!;
            Assert.Equal($"arn:aws:iot:{cloud.Region}:{cloud.AccountId}:cert/{id}", (string?)created["certificateArn"]);
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", (string?)created["certificatePem"]);
            Assert.Contains("PRIVATE KEY-----", (string?)created["keyPair"]!["PrivateKey"]);
            Assert.StartsWith("-----BEGIN PUBLIC KEY-----", (string?)created["keyPair"]!["PublicKey"]);
            Assert.Equal(NanoFleet.Cloud.CertificateStatus.Inactive, (await cloud.Emulator.Certificates.GetAsync(id))!.Status);
        }

        [Fact]
        public async Task DescribeCertificate_ShowsStatusPemAndValidity_AndAnUnknownIdIsNotFound()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var aws = new AwsCli(cloud);
            var created = await aws.JsonAsync("create-keys-and-certificate", "--set-as-active");
            string id = (string)created["certificateId"]!;

            var described = (await aws.JsonAsync("describe-certificate", "--certificate-id", id))["certificateDescription"]!;
            var unknown = await aws.RunAsync("describe-certificate", "--certificate-id", new string('0', 64));

            Assert.Equal("ACTIVE", (string?)described["status"]);
            Assert.Equal((string?)created["certificatePem"], (string?)described["certificatePem"]);
            Assert.Equal(cloud.AccountId, (string?)described["ownedBy"]);
            Assert.True(DateTimeOffset.Parse((string)described["validity"]!["notAfter"]!) > DateTimeOffset.UtcNow.AddDays(1), described.ToJsonString());
            Assert.True(unknown.ExitCode == 254, unknown.ToString());
            Assert.Contains("(ResourceNotFoundException) when calling the DescribeCertificate operation", unknown.Stderr);
        }

        [Fact]
        public async Task UpdateCertificate_ActiveInactiveRevoked_AreEachShownByDescribe()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var aws = new AwsCli(cloud);
            string id = (string)(await aws.JsonAsync("create-keys-and-certificate"))["certificateId"]!;

            var seen = new System.Collections.Generic.List<string>();
            foreach (string status in new[] { "ACTIVE", "INACTIVE", "ACTIVE", "REVOKED" })
            {
                var updated = await aws.RunAsync("update-certificate", "--certificate-id", id, "--new-status", status);
                Assert.True(updated.ExitCode == 0, updated.ToString());
                seen.Add((string)(await aws.JsonAsync("describe-certificate", "--certificate-id", id))["certificateDescription"]!["status"]!);
            }

            Assert.Equal(new[] { "ACTIVE", "INACTIVE", "ACTIVE", "REVOKED" }, seen);
        }

        [Fact]
        public async Task UpdateCertificate_RevokedToActive_IsCertificateStateException()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var aws = new AwsCli(cloud);
            string id = (string)(await aws.JsonAsync("create-keys-and-certificate", "--set-as-active"))["certificateId"]!;
            await aws.JsonAsync("update-certificate", "--certificate-id", id, "--new-status", "REVOKED");

            var refused = await aws.RunAsync("update-certificate", "--certificate-id", id, "--new-status", "ACTIVE");

            Assert.True(refused.ExitCode == 254, refused.ToString());
            Assert.Contains("An error occurred (CertificateStateException) when calling the UpdateCertificate operation", refused.Stderr);
            Assert.Equal("REVOKED", (string?)(await aws.JsonAsync("describe-certificate", "--certificate-id", id))["certificateDescription"]!["status"]);
        }

        [Fact]
        public async Task ListCertificates_IsNewestFirst_AndAscendingOnRequest_WithoutTemporaryClaims()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var aws = new AwsCli(cloud);
            await aws.CreateTemplateAsync("fleet");
            string first = (string)(await aws.JsonAsync("create-keys-and-certificate"))["certificateId"]!;
            string second = (string)(await aws.JsonAsync("create-keys-and-certificate", "--set-as-active"))["certificateId"]!;
            string claim = (string)(await aws.JsonAsync("create-provisioning-claim", "--template-name", "fleet"))["certificateId"]!;

            var newest = await aws.JsonAsync("list-certificates");
            var oldest = await aws.JsonAsync("list-certificates", "--ascending-order");

            static string[] Ids(JsonObject page) => page["certificates"]!.AsArray().Select(c => (string)c!["certificateId"]!).ToArray();
            Assert.Equal(new[] { second, first }, Ids(newest));
            Assert.Equal(new[] { first, second }, Ids(oldest));
            Assert.Equal(new[] { "ACTIVE", "INACTIVE" }, newest["certificates"]!.AsArray().Select(c => (string)c!["status"]!));
            Assert.DoesNotContain(claim, Ids(newest));
        }

        [Fact]
        public async Task CreateProvisioningClaim_ByTheInstaller_ExpiresInFiveMinutes()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            await new AwsCli(cloud).CreateTemplateAsync("fleet");
            var installer = new AwsCli(cloud, DefaultIdentities.Installer);

            var before = DateTimeOffset.UtcNow;
            var claim = await installer.JsonAsync("create-provisioning-claim", "--template-name", "fleet");
            var after = DateTimeOffset.UtcNow;
            var otherOperation = await installer.RunAsync("list-certificates");

            var expiration = DateTimeOffset.Parse((string)claim["expiration"]!);
            Assert.InRange(expiration, before.AddMinutes(5).AddSeconds(-1), after.AddMinutes(5).AddSeconds(1));
            Assert.Contains("PRIVATE KEY-----", (string?)claim["keyPair"]!["PrivateKey"]);
            Assert.Equal("fleet", (await cloud.Emulator.Claims.ListAsync()).Single(c => c.CertificateId == (string)claim["certificateId"]!).TemplateName);
            Assert.True(otherOperation.ExitCode == 254, otherOperation.ToString());
            Assert.Contains("(AccessDeniedException)", otherOperation.Stderr);
        }
    }
}
