using System;
using System.Text.Json;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Options;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>The emulator's region and account are in every ARN it builds: the hook's templateArn and the
    /// resources a device certificate's policy is checked against.</summary>
    public class RegionAndAccountTests
    {
        private const string Region = "eu-west-1";
        private const string Account = "111122223333";

        [Fact]
        public void Defaults_AreAwsDefaultRegionAndDocsExampleAccount()
        {
            var options = new EmulatorOptionsBuilder().Build();
            Assert.Equal("us-east-1", options.Region);
            Assert.Equal("123456789012", options.AccountId);
        }

        [Theory]
        [InlineData("eu-west-1:x", Account, "Region 'eu-west-1:x'")]
        [InlineData("*", Account, "Region '*'")]
        [InlineData(Region, "12345", "Account id '12345'")]
        [InlineData(Region, "11112222333*", "Account id '11112222333*'")]
        public void Build_RefusesWhatWouldChangeWhatAnArnMatches(string region, string account, string message)
        {
            var error = Assert.Throws<InvalidOperationException>(() => new EmulatorOptionsBuilder().WithRegion(region).WithAccountId(account).Build());
            Assert.Contains(message, error.Message);
        }

        [Theory]
        [InlineData(Region, "arn:aws:iot:eu-west-1:111122223333:provisioningtemplate/fleet")]
        [InlineData("cn-north-1", "arn:aws-cn:iot:cn-north-1:111122223333:provisioningtemplate/fleet")]
        public async Task Hook_GetsTheTemplateArnInTheEmulatorsRegionAndAccount(string region, string expected)
        {
            string? templateArn = null;
            await using var hook = new LoopbackHttpServer(0, (request, _) =>
            {
                templateArn = JsonDocument.Parse(request.Body).RootElement.GetProperty("templateArn").GetString();
                return Task.FromResult(new HttpResponseData(200, "{\"allowProvisioning\":true}"));
            });
            hook.Start();
            await using var env = await TestEmulator.StartAsync(b => b.WithRegion(region).WithAccountId(Account));
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet, new Uri($"http://127.0.0.1:{hook.Port}/"));
            await using var device = await env.ConnectAsync(claim);

            Assert.True((await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"))).Registered.Accepted);

            Assert.Equal(expected, templateArn);
        }

        [Theory]
        [InlineData("arn:aws:iot:eu-west-1:111122223333", true)]
        [InlineData("arn:aws:iot:*:*", true)]
        [InlineData("arn:aws:iot:us-east-1:111122223333", false)]
        [InlineData("arn:aws:iot:eu-west-1:123456789012", false)]
        public async Task ThingPolicy_MatchesOnlyResourcesOfTheEmulatorsRegionAndAccount(string arnPrefix, bool connects)
        {
            string policy = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"iot:Connect\\\"," +
                $"\\\"Resource\\\":\\\"{arnPrefix}:client/${{iot:Connection.Thing.ThingName}}\\\"}}]}}";
            string template = TemplateBodies.WithThingName("{\"Ref\": \"SerialNumber\"}").Replace(
                "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"iot:*\\\",\\\"Resource\\\":\\\"*\\\"}]}", policy);
            await using var env = await TestEmulator.StartAsync(b => b.WithRegion(Region).WithAccountId(Account));
            var claim = await env.TemplateAndClaimAsync("t", template);
            await using var device = await env.ConnectAsync(claim);
            var (created, registered) = await Flow.ProvisionAsync(device, "t", Flow.Serial("lamp-1"));
            Assert.True(registered.Accepted);

            var connect = TestDevice.ConnectAsync(env.Emulator.Port, env.Emulator.CaCertificatePem,
                created.Text("certificatePem"), created.Text("privateKey"), "lamp-1");

            if (connects)
            {
                await using var thing = await connect;
                Assert.True(thing.IsConnected);
            }
            else
            {
                var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => connect);
                Assert.Contains("NotAuthorized", refused.Message);
            }
        }
    }
}
