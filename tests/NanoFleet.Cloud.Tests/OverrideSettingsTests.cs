using System;
using System.Threading.Tasks;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>OverrideSettings FAIL and the certificate's Status: what the template says the registry ends up holding.</summary>
    public class OverrideSettingsTests
    {
        private const string FleetOverrides = "\"OverrideSettings\": {\"AttributePayload\": \"MERGE\", \"ThingTypeName\": \"REPLACE\", \"ThingGroups\": \"DO_NOTHING\"}";
        private const string FleetCertificateProperties = "\"Properties\": {\"CertificateId\": {\"Ref\": \"AWS::IoT::Certificate::Id\"}, \"Status\": \"ACTIVE\"}";

        [Theory]
        [InlineData("ThingTypeName", "lightBulb-versionA", "lightBulb-versionB")]
        [InlineData("AttributePayload", "\"version\": \"v1\"", "\"version\": \"v2\"")]
        [InlineData("ThingGroups", "v1-lightbulbs", "v2-lightbulbs")]
        public async Task ThingOverrideFail_OnAnExistingThingThatWouldChange_IsRejectedAndWritesNothing(string property, string before, string after)
        {
            string template = TemplateBodies.Fleet.Replace(FleetOverrides, $"\"OverrideSettings\": {{\"{property}\": \"FAIL\"}}");
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", template);
            await using var device = await env.ConnectAsync(claim);
            var (first, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));
            Assert.True(registered.Accepted);
            var thingBefore = (await env.Emulator.Things.GetAsync("ThingPrefix_1"))!;

            await env.Emulator.Templates.PutAsync("fleet", template.Replace(before, after));
            var (second, conflict) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));

            Assert.False(conflict.Accepted);
            Assert.Equal(409L, conflict.Body["statusCode"]);
            Assert.Equal("ResourceConflictsException", conflict.Text("errorCode"));
            Assert.Contains($"OverrideSettings.{property} is FAIL", conflict.Text("errorMessage"));
            var thingAfter = (await env.Emulator.Things.GetAsync("ThingPrefix_1"))!;
            Assert.Equal(1, thingAfter.Version);
            Assert.Equal(first.Text("certificateId"), Assert.Single(thingAfter.CertificateIds));
            Assert.Equal(thingBefore.ThingTypeName, thingAfter.ThingTypeName);
            Assert.Equal(thingBefore.Attributes, thingAfter.Attributes);
            Assert.Equal(thingBefore.ThingGroups, thingAfter.ThingGroups);
            Assert.Equal(CertificateStatus.PendingActivation, (await env.Emulator.Certificates.GetAsync(second.Text("certificateId")))!.Status);
            await Assert.ThrowsAnyAsync<Exception>(() => env.ConnectThingAsync(second, "ThingPrefix_1"));
        }

        [Theory]
        [InlineData("ACTIVE", CertificateStatus.Active)]
        [InlineData("Active", CertificateStatus.Active)] // the docs' own fleet examples write it so
        [InlineData("INACTIVE", CertificateStatus.Inactive)]
        public async Task CertificateStatus_InTheTemplate_IsTheStatusRegisterThingLeaves(string status, CertificateStatus expected)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet.Replace("\"Status\": \"ACTIVE\"", $"\"Status\": \"{status}\""));
            await using var device = await env.ConnectAsync(claim);
            var (created, registered) = await Flow.ProvisionAsync(device, "fleet", Flow.Serial("1"));

            Assert.True(registered.Accepted);
            Assert.Equal(expected, (await env.Emulator.Certificates.GetAsync(created.Text("certificateId")))!.Status);
            var thing = (await env.Emulator.Things.GetAsync("ThingPrefix_1"))!;
            Assert.Equal("LightBulbBillingGroup", thing.BillingGroup);
            Assert.Equal(created.Text("certificateId"), Assert.Single(thing.CertificateIds));
            var connect = env.ConnectThingAsync(created, "ThingPrefix_1");
            if (expected == CertificateStatus.Active)
            {
                await using var connected = await connect;
                Assert.True(connected.IsConnected);
            }
            else
            {
                Assert.Contains("NotAuthorized", (await Assert.ThrowsAsync<InvalidOperationException>(() => connect)).Message);
            }
        }

        /// <summary>A certificate an operator activated before RegisterThing is no longer PENDING_ACTIVATION, so the
        /// template's INACTIVE meets the certificate's OverrideSettings.Status.</summary>
        [Theory]
        [InlineData("REPLACE", true, CertificateStatus.Inactive)]
        [InlineData("DO_NOTHING", true, CertificateStatus.Active)]
        [InlineData("FAIL", false, CertificateStatus.Active)]
        public async Task CertificateStatusOverride_OnAnAlreadyActiveCertificate(string setting, bool accepted, CertificateStatus expected)
        {
            string template = TemplateBodies.Fleet.Replace(FleetCertificateProperties,
                FleetCertificateProperties.Replace("ACTIVE", "INACTIVE") + $", \"OverrideSettings\": {{\"Status\": \"{setting}\"}}");
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", template);
            await using var device = await env.ConnectAsync(claim);
            var created = await Flow.CreateKeysAsync(device);
            string id = created.Text("certificateId");
            Assert.True(await env.Emulator.Certificates.SetStatusAsync(id, CertificateStatus.Active));

            var registered = await Flow.RegisterAsync(device, "fleet", created.Text("certificateOwnershipToken"), Flow.Serial("1"));

            Assert.Equal(accepted, registered.Accepted);
            Assert.Equal(expected, (await env.Emulator.Certificates.GetAsync(id))!.Status);
            var thing = await env.Emulator.Things.GetAsync("ThingPrefix_1");
            if (accepted)
            {
                Assert.Equal(id, Assert.Single(thing!.CertificateIds));
            }
            else
            {
                Assert.Equal("ResourceConflictsException", registered.Text("errorCode"));
                Assert.Contains("OverrideSettings.Status is FAIL", registered.Text("errorMessage"));
                Assert.Null(thing); // written before the conflict, rolled back with it
            }
        }
    }
}
