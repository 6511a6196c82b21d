using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.Functions;
using NanoFleet.Cloud.Hooks;
using NanoFleet.Cloud.Tests.Support;
using NanoFleet.ControlPlane.Tests.Support;

namespace NanoFleet.ControlPlane.Tests.AwsClients
{
    /// <summary>
    /// Issue 12's "Done means", end to end, driven once only by the AWS CLI and once only by the JS SDK against the
    /// emulator's control plane on a port: template, claim (CreateProvisioningClaim: a trusted user's five-minute claim),
    /// a real device provisioning over mTLS MQTT, a pre-provisioning hook added to the existing template that then denies,
    /// the claim turned off (its connect refused) and on again, and the things listed.
    /// </summary>
    public sealed class DoneMeansScenarioTests
    {
        [Fact]
        public Task DoneMeans_DrivenOnlyByTheAwsCli() => RunAsync(cloud => new AwsCli(cloud));

        [Fact]
        public Task DoneMeans_DrivenOnlyByTheJsSdk() => RunAsync(cloud => new JsSdk(cloud));

        private static async Task RunAsync(Func<ControlPlaneEmulator, IIotClient> clientFor)
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            await using var hook = new AllowListHook("SerialNumber", new[] { "SN-1" });
            await hook.StartAsync();
            var aws = clientFor(cloud);
            string templateArn = $"arn:aws:iot:{cloud.Region}:{cloud.AccountId}:provisioningtemplate/fleet";

            // The hook is a function registered in-process whose resource policy names the template and the account.
            await cloud.Emulator.Functions.PutAsync("serial-check", hook.Url);
            await cloud.Emulator.Functions.AddPermissionAsync("serial-check",
                new FunctionPermission("iot-fleet", FunctionPermission.IotPrincipal, SourceArn: templateArn, SourceAccount: cloud.AccountId));

            await aws.SendAsync("CreateProvisioningTemplate", new JsonObject
            {
                ["templateName"] = "fleet", ["templateBody"] = Templates.Body, ["provisioningRoleArn"] = Templates.RoleArn(cloud.AccountId), ["enabled"] = true,
            });
            var claim = await aws.SendAsync("CreateProvisioningClaim", new JsonObject { ["templateName"] = "fleet" });
            string claimId = (string)claim["certificateId"]!;
            var beforeHook = await Devices.ProvisionAsync(cloud, claim, "fleet", "SN-0");

            await aws.SendAsync("UpdateProvisioningTemplate", new JsonObject
            {
                ["templateName"] = "fleet",
                ["preProvisioningHook"] = new JsonObject { ["targetArn"] = Templates.FunctionArn(cloud.Region, cloud.AccountId, "serial-check"), ["payloadVersion"] = "2020-04-01" },
            });
            var allowed = await Devices.ProvisionAsync(cloud, claim, "fleet", "SN-1");
            var denied = await Devices.ProvisionAsync(cloud, claim, "fleet", "SN-9");

            await aws.SendAsync("UpdateCertificate", new JsonObject { ["certificateId"] = claimId, ["newStatus"] = "INACTIVE" });
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Devices.ConnectAsync(cloud, claim));
            await aws.SendAsync("UpdateCertificate", new JsonObject { ["certificateId"] = claimId, ["newStatus"] = "ACTIVE" });
            await using (var again = await Devices.ConnectAsync(cloud, claim))
            {
                Assert.True(again.IsConnected);
            }

            var things = await aws.SendAsync("ListThings", new JsonObject());
            var principals = await aws.SendAsync("ListThingPrincipals", new JsonObject { ["thingName"] = "dev-SN-1" });

            Assert.True(beforeHook.Accepted, string.Join(",", beforeHook.Body));
            Assert.True(allowed.Accepted, string.Join(",", allowed.Body));
            Assert.False(denied.Accepted);
            Assert.Equal(("ACCESS_DENIED", 403L), (denied.Text("errorCode"), (long)denied.Body["statusCode"]!));
            Assert.Equal(2, hook.Requests); // SN-0 was provisioned before the hook existed
            Assert.Equal("CONNECT refused: NotAuthorized", refused.Message);
            Assert.Equal(new[] { "dev-SN-0", "dev-SN-1" }, things["things"]!.AsArray().Select(t => (string)t!["thingName"]!));
            string principal = (string)Assert.Single(principals["principals"]!.AsArray())!;
            Assert.StartsWith($"arn:aws:iot:{cloud.Region}:{cloud.AccountId}:cert/", principal);
            Assert.DoesNotContain(claimId, principal);
        }
    }
}
