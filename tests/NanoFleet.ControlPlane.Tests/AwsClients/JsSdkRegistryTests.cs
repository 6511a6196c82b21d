using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.ControlPlane.Tests.Support;

namespace NanoFleet.ControlPlane.Tests.AwsClients
{
    /// <summary>@aws-sdk/client-iot against the emulator's certificate, claim, policy and thing operations.</summary>
    public sealed class JsSdkRegistryTests
    {
        [Fact]
        public async Task CertificateAndPolicyOperations_WorkFromTheSdk()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var sdk = new JsSdk(cloud);

            var created = await sdk.SendAsync("CreateKeysAndCertificate", new JsonObject { ["setAsActive"] = true });
            string id = (string)created["certificateId"]!, arn = (string)created["certificateArn"]!;
            await sdk.SendAsync("UpdateCertificate", new JsonObject { ["certificateId"] = id, ["newStatus"] = "INACTIVE" });
            var described = await sdk.SendAsync("DescribeCertificate", new JsonObject { ["certificateId"] = id });
            var listed = await sdk.SendAsync("ListCertificates", new JsonObject { ["ascendingOrder"] = true, ["pageSize"] = 10 });
            var policy = await sdk.SendAsync("CreatePolicy", new JsonObject { ["policyName"] = "connect-only", ["policyDocument"] = Templates.ConnectPolicy });
            var got = await sdk.SendAsync("GetPolicy", new JsonObject { ["policyName"] = "connect-only" });
            await sdk.SendAsync("AttachPolicy", new JsonObject { ["policyName"] = "connect-only", ["target"] = arn });
            var attached = await cloud.Emulator.Policies.AttachedToAsync(id);
            await sdk.SendAsync("DetachPolicy", new JsonObject { ["policyName"] = "connect-only", ["target"] = arn });

            Assert.Contains("PRIVATE KEY-----", (string?)created["keyPair"]!["PrivateKey"]);
            Assert.Equal(("INACTIVE", id), ((string)described["certificateDescription"]!["status"]!, (string)described["certificateDescription"]!["certificateId"]!));
            Assert.True(DateTimeOffset.Parse((string)described["certificateDescription"]!["creationDate"]!) > DateTimeOffset.UtcNow.AddMinutes(-10)); // the SDK's Date
            Assert.Equal(new[] { id }, listed["certificates"]!.AsArray().Select(c => (string)c!["certificateId"]!));
            Assert.Equal($"arn:aws:iot:{cloud.Region}:{cloud.AccountId}:policy/connect-only", (string?)policy["policyArn"]);
            Assert.Equal(Templates.ConnectPolicy, (string?)got["policyDocument"]);
            Assert.Equal(new[] { "connect-only" }, attached);
            Assert.Empty(await cloud.Emulator.Policies.AttachedToAsync(id));
        }

        [Fact]
        public async Task ClaimAndThingOperations_WorkFromTheSdk_OverARealDevice()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var sdk = new JsSdk(cloud);
            await sdk.SendAsync("CreateProvisioningTemplate", new JsonObject
            {
                ["templateName"] = "fleet", ["templateBody"] = Templates.Body, ["provisioningRoleArn"] = Templates.RoleArn(cloud.AccountId), ["enabled"] = true,
            });

            var before = DateTimeOffset.UtcNow;
            var claim = await new JsSdk(cloud, DefaultIdentities.Installer).SendAsync("CreateProvisioningClaim", new JsonObject { ["templateName"] = "fleet" });
            var registered = await Devices.ProvisionAsync(cloud, claim, "fleet", "42");
            var thing = await sdk.SendAsync("DescribeThing", new JsonObject { ["thingName"] = "dev-42" });
            var things = await sdk.SendAsync("ListThings", new JsonObject { ["maxResults"] = 5 });
            var principals = await sdk.SendAsync("ListThingPrincipals", new JsonObject { ["thingName"] = "dev-42" });

            Assert.InRange(DateTimeOffset.Parse((string)claim["expiration"]!), before.AddMinutes(5).AddSeconds(-1), DateTimeOffset.UtcNow.AddMinutes(5).AddSeconds(1));
            Assert.True(registered.Accepted, string.Join(",", registered.Body));
            Assert.Equal($"arn:aws:iot:{cloud.Region}:{cloud.AccountId}:thing/dev-42", (string?)thing["thingArn"]);
            Assert.Equal(new[] { "dev-42" }, things["things"]!.AsArray().Select(t => (string)t!["thingName"]!));
            string principal = (string)Assert.Single(principals["principals"]!.AsArray())!;
            Assert.NotEqual((string)claim["certificateId"]!, principal[(principal.LastIndexOf('/') + 1)..]);
            Assert.Equal(CertificateArn(cloud, Assert.Single((await cloud.Emulator.Things.GetAsync("dev-42"))!.CertificateIds)), principal);
        }

        [Fact]
        public async Task Refusals_ReachTheSdk_AsAccessDeniedAndCertificateState()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var sdk = new JsSdk(cloud);
            string id = (string)(await sdk.SendAsync("CreateKeysAndCertificate", new JsonObject()))["certificateId"]!;
            await sdk.SendAsync("UpdateCertificate", new JsonObject { ["certificateId"] = id, ["newStatus"] = "REVOKED" });

            var denied = await new JsSdk(cloud, DefaultIdentities.Installer).ErrorAsync("UpdateCertificate", new JsonObject { ["certificateId"] = id, ["newStatus"] = "ACTIVE" });
            var revoked = await sdk.ErrorAsync("UpdateCertificate", new JsonObject { ["certificateId"] = id, ["newStatus"] = "ACTIVE" });

            Assert.Equal(("AccessDeniedException", 403), ((string)denied["error"]!, (int)denied["status"]!));
            Assert.StartsWith($"User: arn:aws:iam::{cloud.AccountId}:user/installer is not authorized to perform: iot:UpdateCertificate on resource: {CertificateArn(cloud, id)}",
                (string)denied["message"]!);
            Assert.Equal(("CertificateStateException", 406), ((string)revoked["error"]!, (int)revoked["status"]!));
        }

        private static string CertificateArn(ControlPlaneEmulator cloud, string id) => $"arn:aws:iot:{cloud.Region}:{cloud.AccountId}:cert/{id}";
    }
}
