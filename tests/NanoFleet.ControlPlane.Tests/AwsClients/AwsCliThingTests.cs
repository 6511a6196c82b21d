using System.Linq;
using System.Threading.Tasks;
using NanoFleet.ControlPlane.Tests.Support;

namespace NanoFleet.ControlPlane.Tests.AwsClients
{
    /// <summary>Debian's AWS CLI v2 reading the things that real devices provisioned over mTLS MQTT.</summary>
    public sealed class AwsCliThingTests
    {
        /// <summary>Template "fleet" and one device per serial provisioned with a claim the CLI made; returns each thing's certificate ARN.</summary>
        private static async Task<System.Collections.Generic.Dictionary<string, string>> ProvisionAsync(ControlPlaneEmulator cloud, AwsCli aws, params string[] serials)
        {
            await aws.CreateTemplateAsync("fleet");
            var claim = await aws.JsonAsync("create-provisioning-claim", "--template-name", "fleet");
            var certificates = new System.Collections.Generic.Dictionary<string, string>();
            foreach (string serial in serials)
            {
                var registered = await Devices.ProvisionAsync(cloud, claim, "fleet", serial);
                Assert.True(registered.Accepted, string.Join(",", registered.Body));
                certificates[registered.Text("thingName")] = $"arn:aws:iot:{cloud.Region}:{cloud.AccountId}:cert/" +
                    Assert.Single((await cloud.Emulator.Things.GetAsync(registered.Text("thingName")))!.CertificateIds);
            }

            return certificates;
        }

        [Fact]
        public async Task DescribeThing_ShowsAProvisionedThing_AndAnUnknownOneIsNotFound()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var aws = new AwsCli(cloud);
            await ProvisionAsync(cloud, aws, "7");

            var thing = await aws.JsonAsync("describe-thing", "--thing-name", "dev-7");
            var missing = await aws.RunAsync("describe-thing", "--thing-name", "dev-8");

            Assert.Equal($"arn:aws:iot:{cloud.Region}:{cloud.AccountId}:thing/dev-7", (string?)thing["thingArn"]);
            Assert.Equal("dev-7", (string?)thing["thingName"]);
            Assert.True(System.Guid.TryParse((string?)thing["thingId"], out _), thing.ToJsonString());
            Assert.True(missing.ExitCode == 254, missing.ToString());
            Assert.Contains("(ResourceNotFoundException) when calling the DescribeThing operation", missing.Stderr);
        }

        [Fact]
        public async Task ListThings_PagedByTheCli_ListsEveryProvisionedThing()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var aws = new AwsCli(cloud);
            await ProvisionAsync(cloud, aws, "a", "b", "c");

            // --page-size 1 makes the CLI follow nextToken through three pages.
            var listed = await aws.JsonAsync("list-things", "--page-size", "1");
            var firstPage = await aws.JsonAsync("list-things", "--max-items", "2");

            Assert.Equal(new[] { "dev-a", "dev-b", "dev-c" }, listed["things"]!.AsArray().Select(t => (string)t!["thingName"]!));
            Assert.Equal(2, firstPage["things"]!.AsArray().Count);
            Assert.NotNull(firstPage["NextToken"]);
        }

        [Fact]
        public async Task ListThingPrincipals_IsTheCertificateTheDeviceGot()
        {
            await using var cloud = await ControlPlaneEmulator.StartAsync();
            var aws = new AwsCli(cloud);
            var certificates = await ProvisionAsync(cloud, aws, "7");

            var principals = await aws.JsonAsync("list-thing-principals", "--thing-name", "dev-7");
            var missing = await aws.RunAsync("list-thing-principals", "--thing-name", "dev-8");

            Assert.Equal(certificates["dev-7"], (string?)Assert.Single(principals["principals"]!.AsArray()));
            Assert.Contains("(ResourceNotFoundException) when calling the ListThingPrincipals operation", missing.Stderr);
        }
    }
}
