using System;
using System.Threading.Tasks;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>Policies by name, all-or-nothing registration, and the scaled clock behind `--time-scale`.</summary>
    public class PolicyAndTimeScaleTests
    {
        private static string WithPolicyName(string name) => TemplateBodies.WithThingName("{\"Ref\": \"SerialNumber\"}").Replace(
            "\"PolicyDocument\": \"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"iot:*\\\",\\\"Resource\\\":\\\"*\\\"}]}\"",
            $"\"PolicyName\": \"{name}\"");

        [Fact]
        public async Task MissingNamedPolicy_FailsRegisterThing_AndLeavesNoHalfCreatedThing()
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("t", WithPolicyName("device-policy"));
            await using var device = await env.ConnectAsync(claim);
            var (created, registered) = await Flow.ProvisionAsync(device, "t", Flow.Serial("lamp-1"));

            Assert.False(registered.Accepted);
            Assert.Equal("ResourceRegistrationFailureException", registered.Text("errorCode"));
            Assert.Contains("'device-policy' does not exist", registered.Text("errorMessage"));
            // The thing was written earlier in the same transaction: the rollback removed it.
            Assert.Null(await env.Emulator.Things.GetAsync("lamp-1"));
            Assert.Equal(CertificateStatus.PendingActivation, (await env.Emulator.Certificates.GetAsync(created.Text("certificateId")))!.Status);

            await env.Emulator.Policies.PutAsync("device-policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}]}");
            var retried = await Flow.RegisterAsync(device, "t", created.Text("certificateOwnershipToken"), Flow.Serial("lamp-1"));
            Assert.True(retried.Accepted);
            await using var thing = await TestDevice.ConnectAsync(env.Emulator.Port, env.Emulator.CaCertificatePem,
                created.Text("certificatePem"), created.Text("privateKey"), "lamp-1");
            Assert.True(thing.IsConnected);
        }

        [Fact]
        public async Task TimeScale_MakesTheOneHourTokenExpireInOneRealSecond()
        {
            await using var env = await TestEmulator.StartAsync(b => b.WithTimeScale(3600));
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            var created = await Flow.CreateKeysAsync(device);
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            var registered = await Flow.RegisterAsync(device, "fleet", created.Text("certificateOwnershipToken"), Flow.Serial("1"));
            Assert.Equal("InvalidCertificateOwnershipToken", registered.Text("errorCode"));
        }
    }
}
